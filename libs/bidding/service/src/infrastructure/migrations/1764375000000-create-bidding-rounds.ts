import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bidding rounds (one per project round), their bids, and the catalog's standard fees. A bid's content is kept
 * sealed (encrypted) until the close; only its commitment is readable. One live bid per agency and round is
 * enforced by a partial unique index as well as by the rule, so a race cannot slip a second one in.
 */
export class CreateBiddingRounds1764375000000 implements MigrationInterface {
  name = 'CreateBiddingRounds1764375000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bidding_round (
        bidding_id        uuid PRIMARY KEY,
        project_id        text NOT NULL,
        round             int NOT NULL,
        owner_org         text NOT NULL,
        service_item_code text NOT NULL,
        required_level    int NOT NULL,
        eligible_on       date NOT NULL,
        signed_up         jsonb,
        rules             jsonb NOT NULL,
        status            text NOT NULL,
        void_reason       text,
        opened_at         timestamptz NOT NULL,
        closed_at         timestamptz,
        closing           jsonb,
        ranking           jsonb,
        pending_ties      jsonb NOT NULL DEFAULT '[]'::jsonb,
        tie_break_draws   jsonb NOT NULL DEFAULT '[]'::jsonb,
        decided_at        timestamptz,
        UNIQUE (project_id, round)
      )`);
    await q.query(`
      CREATE TABLE bid (
        bid_id       uuid PRIMARY KEY,
        bidding_id   uuid NOT NULL REFERENCES bidding_round (bidding_id),
        agency_id    text NOT NULL,
        commitment   text NOT NULL,
        sealed       text NOT NULL,
        status       text NOT NULL,
        submitted_at timestamptz NOT NULL,
        ended_at     timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX bid_one_live_per_agency ON bid (bidding_id, agency_id) WHERE status = 'LIVE'`);
    await q.query(`CREATE INDEX bid_by_agency ON bid (agency_id, bidding_id)`);
    await q.query(`
      CREATE TABLE service_item_fee (
        service_item_code text PRIMARY KEY,
        standard_fee_fen  bigint,
        version           int NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_item_fee`);
    await q.query(`DROP TABLE bid`);
    await q.query(`DROP TABLE bidding_round`);
  }
}
