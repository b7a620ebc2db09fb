import type { EntityManager } from 'typeorm';
import { Project, type ProjectEvent, type ProjectState, type TermField } from '@mkt/projects/core';
import { conflict, notFound } from '@mkt/shared/kernel';
import { affectedRows, jsonColumn } from '@mkt/shared/persistence';

/** An amendment as its history records it (the new terms themselves are in the project). */
export interface RecordedAmendment {
  readonly amendment: number;
  readonly at: string;
  readonly reason: string;
  readonly changedFields: readonly TermField[];
}

/** The Project aggregate as a JSON snapshot with an optimistic version, plus its append-only history. */
export class ProjectRepository {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<{ project: Project; version: number }> {
    const [row] = await this.manager.query(`SELECT state, version FROM project WHERE id = $1`, [id]);
    if (!row) throw notFound('PROJECTS.NOT_FOUND', `no project ${id}`);
    return { project: Project.restore(jsonColumn<ProjectState>(row.state)), version: row.version };
  }

  async insert(project: Project, events: readonly ProjectEvent[], at: Date): Promise<void> {
    const s = project.snapshot;
    await this.manager.query(`INSERT INTO project (id, owner_org, status, round, state, version, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)`, [
      s.id, s.ownerId, s.status, s.round, JSON.stringify(s), at.toISOString(),
    ]);
    await this.appendHistory(s.id, events);
  }

  async update(project: Project, expectedVersion: number, events: readonly ProjectEvent[], at: Date): Promise<void> {
    const s = project.snapshot;
    const result = await this.manager.query(
      `UPDATE project SET status = $3, round = $4, state = $5, version = version + 1, updated_at = $6 WHERE id = $1 AND version = $2`,
      [s.id, expectedVersion, s.status, s.round, JSON.stringify(s), at.toISOString()],
    );
    if (affectedRows(result) !== 1) throw conflict('PROJECTS.CONCURRENT_CHANGE', 'the project was changed meanwhile; retry');
    await this.appendHistory(s.id, events);
  }

  async history(id: string): Promise<{ seq: number; kind: string; at: string; event: ProjectEvent }[]> {
    const rows = await this.manager.query(`SELECT seq, kind, at, event FROM project_history WHERE project_id = $1 ORDER BY seq`, [id]);
    return rows.map((r: { seq: number; kind: string; at: Date | string; event: ProjectEvent | string }) => ({ seq: r.seq, kind: r.kind, at: new Date(r.at).toISOString(), event: jsonColumn(r.event) }));
  }

  /** Announcements: projects past their draft, newest first. */
  async published(limit: number): Promise<ProjectState[]> {
    const rows = await this.manager.query(`SELECT state FROM project WHERE status <> 'DRAFT' ORDER BY updated_at DESC LIMIT $1`, [limit]);
    return rows.map((r: { state: ProjectState | string }) => jsonColumn(r.state));
  }

  /** Each listed project's recorded amendments, oldest first, in one query: what its announcement shows of them. */
  async amendmentsOf(ids: readonly string[]): Promise<Map<string, RecordedAmendment[]>> {
    const byProject = new Map<string, RecordedAmendment[]>();
    if (ids.length === 0) return byProject;
    const rows = await this.manager.query(`SELECT project_id, event FROM project_history WHERE kind = 'amended' AND project_id = ANY($1::uuid[]) ORDER BY project_id, seq`, [ids]);
    for (const row of rows as { project_id: string; event: ProjectEvent | string }[]) {
      const event = jsonColumn<ProjectEvent>(row.event);
      if (event.kind !== 'amended') continue;
      const list = byProject.get(row.project_id) ?? [];
      list.push({ amendment: event.amendment, at: event.at, reason: event.reason, changedFields: event.changedFields });
      byProject.set(row.project_id, list);
    }
    return byProject;
  }

  private async appendHistory(id: string, events: readonly ProjectEvent[]): Promise<void> {
    if (events.length === 0) return;
    const [{ next }] = await this.manager.query(`SELECT coalesce(max(seq), 0) + 1 AS next FROM project_history WHERE project_id = $1`, [id]);
    for (const [i, event] of events.entries()) {
      await this.manager.query(`INSERT INTO project_history (project_id, seq, kind, at, event) VALUES ($1, $2, $3, $4, $5)`, [id, next + i, event.kind, event.at, JSON.stringify(event)]);
    }
  }
}
