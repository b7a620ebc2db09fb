import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DEFAULT_PROJECT_POLICY, Project, type ProjectTermsInput } from '@mkt/projects/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { ProjectRepository } from '../../../infrastructure/project.repository';
import { postingContextFor } from '../../posting-context';
import { publishProjectEvents } from '../../project-events.publisher';

@Injectable()
export class DraftProjectHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: { actor: AuthenticatedUser; terms: ProjectTermsInput; idempotency: IdempotencyKey | null }): Promise<{ id: string; status: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const context = await postingContextFor(tx.manager, command.terms.serviceItemCode);
        const { project, events } = Project.draft(command.actor, { id: randomUUID(), ...command.terms }, DEFAULT_PROJECT_POLICY, tx.now, context);
        await new ProjectRepository(tx.manager).insert(project, events, tx.now);
        publishProjectEvents(tx, project, events);
        return { id: project.snapshot.id, status: project.snapshot.status };
      },
      { idempotency: command.idempotency },
    );
  }
}
