import type { EntityManager } from 'typeorm';
import type { AgencyEligibilityView } from '@mkt/draw/core';
import { jsonColumn } from '@mkt/shared/persistence';

/** Reads and folds the agency eligibility read model. Every write is idempotent and order-tolerant. */
export class AgencyViewRepository {
  constructor(private readonly manager: EntityManager) {}

  async recordRegistration(agencyId: string, name: string, region: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_view (agency_id, name, region, status, status_sequence) VALUES ($1, $2, $3, 'PENDING', 0)
       ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region`,
      [agencyId, name, region],
    );
  }

  /** Applies a status change unless a later one (higher sequence) is already recorded. */
  async recordStatus(agencyId: string, status: string, sequence: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_view (agency_id, name, region, status, status_sequence) VALUES ($1, '', '', $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET status = EXCLUDED.status, status_sequence = EXCLUDED.status_sequence
       WHERE agency_view.status_sequence < EXCLUDED.status_sequence`,
      [agencyId, status, sequence],
    );
  }

  /** Keeps the score of the highest credit entry seen; an older entry arriving late changes nothing. */
  async recordCredit(agencyId: string, score: number, sequence: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_view (agency_id, name, region, status, status_sequence, credit_score, credit_sequence) VALUES ($1, '', '', 'PENDING', 0, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET credit_score = EXCLUDED.credit_score, credit_sequence = EXCLUDED.credit_sequence
       WHERE agency_view.credit_sequence < EXCLUDED.credit_sequence`,
      [agencyId, score, sequence],
    );
  }

  /** Keeps the offered-items list of the highest sequence. */
  async recordOfferedItems(agencyId: string, items: readonly string[], sequence: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_view (agency_id, name, region, status, status_sequence, offered_items, offered_sequence) VALUES ($1, '', '', 'PENDING', 0, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET offered_items = EXCLUDED.offered_items, offered_sequence = EXCLUDED.offered_sequence
       WHERE agency_view.offered_sequence < EXCLUDED.offered_sequence`,
      [agencyId, JSON.stringify(items), sequence],
    );
  }

  /** Credit scores of these agencies; an agency without a credit entry is absent. */
  async creditScoresOf(agencyIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { agency_id: string; credit_score: number }[] = await this.manager.query(
      `SELECT agency_id, credit_score FROM agency_view WHERE agency_id = ANY($1) AND credit_score IS NOT NULL`,
      [agencyIds],
    );
    return new Map(rows.map((r) => [r.agency_id, r.credit_score]));
  }

  async recordQualification(q: { qualificationId: string; agencyId: string; serviceItemCode: string; level: number; validFrom: string; validUntil: string }): Promise<void> {
    await this.manager.query(
      `INSERT INTO agency_view_qualification (qualification_id, agency_id, service_item_code, level, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (qualification_id) DO NOTHING`,
      [q.qualificationId, q.agencyId, q.serviceItemCode, q.level, q.validFrom, q.validUntil],
    );
  }

  /** Every agency that holds any qualification for the item, with all its qualifications for it. */
  async candidatesFor(serviceItemCode: string): Promise<AgencyEligibilityView[]> {
    const rows: { agency_id: string; status: string; offered_items: string[] | string | null; service_item_code: string; level: number; valid_from: string; valid_until: string }[] = await this.manager.query(
      `SELECT a.agency_id, a.status, a.offered_items, q.service_item_code, q.level,
              to_char(q.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(q.valid_until, 'YYYY-MM-DD') AS valid_until
         FROM agency_view a JOIN agency_view_qualification q ON q.agency_id = a.agency_id
        WHERE q.service_item_code = $1`,
      [serviceItemCode],
    );
    const byAgency = new Map<string, { agencyId: string; status: string; offeredItems: string[] | null; qualifications: AgencyEligibilityView['qualifications'][number][] }>();
    for (const r of rows) {
      const view = byAgency.get(r.agency_id) ?? { agencyId: r.agency_id, status: r.status, offeredItems: r.offered_items === null ? null : jsonColumn<string[]>(r.offered_items), qualifications: [] };
      view.qualifications.push({ serviceItemCode: r.service_item_code, level: r.level, validFrom: r.valid_from, validUntil: r.valid_until });
      byAgency.set(r.agency_id, view);
    }
    return [...byAgency.values()];
  }
}
