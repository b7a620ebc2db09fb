import type { EntityManager } from 'typeorm';

/** The catalog's standard fees, folded from registry catalog events: what a discount rate applies to. */
export class ServiceItemFeeRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Keeps the newest version: a replayed older version changes nothing. */
  async save(serviceItemCode: string, standardFeeFen: number | null, version: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO service_item_fee (service_item_code, standard_fee_fen, version) VALUES ($1, $2, $3)
       ON CONFLICT (service_item_code) DO UPDATE SET standard_fee_fen = EXCLUDED.standard_fee_fen, version = EXCLUDED.version
       WHERE service_item_fee.version < EXCLUDED.version`,
      [serviceItemCode, standardFeeFen, version],
    );
  }

  async feeOf(serviceItemCode: string): Promise<number | null> {
    const [row] = await this.manager.query(`SELECT standard_fee_fen FROM service_item_fee WHERE service_item_code = $1`, [serviceItemCode]);
    return row?.standard_fee_fen === null || row?.standard_fee_fen === undefined ? null : Number(row.standard_fee_fen);
  }
}
