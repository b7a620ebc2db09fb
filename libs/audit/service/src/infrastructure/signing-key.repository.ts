import type { EntityManager } from 'typeorm';

/**
 * The generated signing key of a deployment that configures none (embedded/dev), by log origin. Production
 * supplies `AUDIT_SIGNING_KEY` instead: a key in the database it signs for protects nothing against its operator.
 */
export class SigningKeyRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The stored key for this origin; the first caller's candidate wins if none is stored yet (replicas may race). */
  async findOrStore(name: string, candidate: () => string, now: Date): Promise<string> {
    const stored = await this.find(name);
    if (stored) return stored;
    await this.manager.query(`INSERT INTO audit_signing_key (name, signer_key, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
      name,
      candidate(),
      now.toISOString(),
    ]);
    return (await this.find(name)) as string;
  }

  private async find(name: string): Promise<string | null> {
    const [row] = await this.manager.query(`SELECT signer_key FROM audit_signing_key WHERE name = $1`, [name]);
    return row ? row.signer_key : null;
  }
}
