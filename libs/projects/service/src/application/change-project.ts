import type { Project, ProjectEvent } from '@mkt/projects/core';
import type { IdempotencyKey, TransactionContext, UnitOfWork } from '@mkt/shared/messaging';
import { ProjectRepository } from '../infrastructure/project.repository';
import { publishProjectEvents } from './project-events.publisher';

/**
 * The one way a use case changes a project: load it, let the aggregate decide, store snapshot and history,
 * and publish what happened — all in one transaction.
 */
/** What a use case decides; it may read more (the catalog read model) in the same transaction before deciding. */
export type Decision = (project: Project, now: Date, tx: TransactionContext) => ProjectEvent[] | Promise<ProjectEvent[]>;

export async function changeProjectIn(tx: TransactionContext, projectId: string, decide: Decision): Promise<Project> {
  const projects = new ProjectRepository(tx.manager);
  const { project, version } = await projects.get(projectId);
  const events = await decide(project, tx.now, tx);
  if (events.length === 0) return project;
  await projects.update(project, version, events, tx.now);
  publishProjectEvents(tx, project, events);
  return project;
}

export function changeProject(unitOfWork: UnitOfWork, projectId: string, decide: Decision, idempotency: IdempotencyKey | null = null) {
  return unitOfWork.run(async (tx) => {
    const project = await changeProjectIn(tx, projectId, decide);
    return { id: project.snapshot.id, status: project.snapshot.status, round: project.snapshot.round };
  }, { idempotency });
}
