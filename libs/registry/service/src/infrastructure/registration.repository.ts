import type { EntityManager } from 'typeorm';
import { RegistrationApplication, type RegistrationContent, type RegistrationStatus, type RegistrationStep } from '@mkt/registry/core';
import { conflict, notFound } from '@mkt/shared/kernel';
import { jsonColumn } from '@mkt/shared/persistence';

interface ApplicationRow {
  id: string;
  agency_id: string;
  status: RegistrationStatus;
  revision: number;
  content: RegistrationContent | string;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly agencyId: string;
  readonly status: RegistrationStatus;
  readonly revision: number;
  readonly name: string;
  readonly creditCode: string;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

/** Registration applications inside the caller's transaction, with optimistic locking and the full step history. */
export class RegistrationRepository {
  constructor(private readonly manager: EntityManager) {}

  /** `forUpdate` holds the row until commit: two reviewers deciding at once are served one after the other. */
  async get(id: string, forUpdate = false): Promise<{ application: RegistrationApplication; version: number; submittedAt: string; updatedAt: string }> {
    const [row]: ApplicationRow[] = await this.manager.query(`SELECT * FROM registration_application WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw notFound('REGISTRY.APPLICATION_NOT_FOUND', `no registration application ${id}`);
    const steps: { sequence: number; action: RegistrationStep['action']; actor_user_id: string; reason: string | null; revision: number; at: Date | string }[] = await this.manager.query(
      `SELECT sequence, action, actor_user_id, reason, revision, at FROM registration_step WHERE application_id = $1 ORDER BY sequence`,
      [id],
    );
    const application = RegistrationApplication.restore({
      id: row.id,
      agencyId: row.agency_id,
      status: row.status,
      revision: row.revision,
      content: jsonColumn(row.content),
      history: steps.map((s) => ({ sequence: s.sequence, action: s.action, actorUserId: s.actor_user_id, reason: s.reason, revision: s.revision, at: iso(s.at) })),
    });
    return { application, version: row.version, submittedAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
  }

  /** The content of every revision, oldest first, so a reviewer can compare what the firm changed. */
  async revisions(id: string): Promise<{ revision: number; content: RegistrationContent }[]> {
    const rows: { revision: number; content: RegistrationContent | string }[] = await this.manager.query(
      `SELECT revision, content FROM registration_revision WHERE application_id = $1 ORDER BY revision`,
      [id],
    );
    return rows.map((r) => ({ revision: r.revision, content: jsonColumn(r.content) }));
  }

  /** A firm has at most one open application, and a credit code is applied for or registered once. */
  async mustBeFreeToApply(agencyId: string, creditCode: string, exceptApplicationId: string | null = null): Promise<void> {
    const [agency] = await this.manager.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
    if (agency) throw conflict('REGISTRY.ALREADY_REGISTERED', 'this organisation is already a registered agency', 'organizationId');
    const [open] = await this.manager.query(
      `SELECT id FROM registration_application WHERE agency_id = $1 AND status IN ('SUBMITTED', 'CHANGES_REQUESTED') AND id IS DISTINCT FROM $2::uuid`,
      [agencyId, exceptApplicationId],
    );
    if (open) throw conflict('REGISTRY.APPLICATION_OPEN', `this organisation already has an open application ${open.id}`, 'organizationId');
    await this.creditCodeMustBeFree(creditCode, exceptApplicationId);
  }

  async creditCodeMustBeFree(creditCode: string, exceptApplicationId: string | null): Promise<void> {
    const [registered] = await this.manager.query(`SELECT 1 FROM agency WHERE credit_code = $1`, [creditCode]);
    const [applied] = await this.manager.query(
      `SELECT 1 FROM registration_application WHERE credit_code = $1 AND status IN ('SUBMITTED', 'CHANGES_REQUESTED') AND id IS DISTINCT FROM $2::uuid`,
      [creditCode, exceptApplicationId],
    );
    if (registered || applied) throw conflict('REGISTRY.CREDIT_CODE_TAKEN', 'a firm with this unified social credit code is already registered or applying', 'creditCode');
  }

  async insert(application: RegistrationApplication, now: Date): Promise<void> {
    const s = application.snapshot;
    await this.unique(() =>
      this.manager.query(
        `INSERT INTO registration_application (id, agency_id, status, revision, content, credit_code, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $7, 1)`,
        [s.id, s.agencyId, s.status, s.revision, JSON.stringify(s.content), s.content.creditCode, now.toISOString()],
      ),
    );
    await this.storeNew(application, 0, 0);
  }

  async update(application: RegistrationApplication, expectedVersion: number, now: Date): Promise<void> {
    const s = application.snapshot;
    const [before] = await this.manager.query(
      `SELECT revision, (SELECT count(*)::int FROM registration_step WHERE application_id = $1) AS steps FROM registration_application WHERE id = $1`,
      [s.id],
    );
    const result = await this.unique(() =>
      this.manager.query(
        `UPDATE registration_application SET status = $3, revision = $4, content = $5::jsonb, credit_code = $6, updated_at = $7, version = version + 1
          WHERE id = $1 AND version = $2`,
        [s.id, expectedVersion, s.status, s.revision, JSON.stringify(s.content), s.content.creditCode, now.toISOString()],
      ),
    );
    // node-postgres answers an UPDATE with [rows, affected].
    if (!Array.isArray(result) || result[1] !== 1) throw conflict('REGISTRY.CONCURRENT_CHANGE', 'the application was changed meanwhile; reload and retry');
    await this.storeNew(application, before.revision, before.steps);
  }

  async list(filter: { status: RegistrationStatus | null; agencyId: string | null; limit: number }): Promise<ApplicationSummary[]> {
    const rows: (ApplicationRow & { credit_code: string })[] = await this.manager.query(
      `SELECT * FROM registration_application
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR agency_id = $2)
        ORDER BY created_at, id LIMIT $3`,
      [filter.status, filter.agencyId, filter.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      status: r.status,
      revision: r.revision,
      name: jsonColumn<RegistrationContent>(r.content).name,
      creditCode: r.credit_code,
      submittedAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    }));
  }

  private async storeNew(application: RegistrationApplication, knownRevision: number, knownSteps: number): Promise<void> {
    const s = application.snapshot;
    if (s.revision > knownRevision) {
      await this.manager.query(`INSERT INTO registration_revision (application_id, revision, content) VALUES ($1, $2, $3::jsonb)`, [s.id, s.revision, JSON.stringify(s.content)]);
    }
    for (const step of s.history.slice(knownSteps)) {
      await this.manager.query(
        `INSERT INTO registration_step (application_id, sequence, action, actor_user_id, reason, revision, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [s.id, step.sequence, step.action, step.actorUserId, step.reason, step.revision, step.at],
      );
    }
  }

  /** The partial unique indexes catch two applications racing past the checks above. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505' || (error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw conflict('REGISTRY.APPLICATION_OPEN', 'this organisation or credit code already has an open application', 'creditCode');
      }
      throw error;
    }
  }
}
