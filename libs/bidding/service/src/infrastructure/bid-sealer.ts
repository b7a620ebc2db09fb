import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretFromEnvOrDataFile } from '@mkt/shared/persistence';

const FORMAT = 'aes-256-gcm/v1';

/**
 * Keeps a bid's content unreadable at rest until the close: AES-256-GCM with a fresh nonce per bid, the
 * bidding, agency and commitment bound as associated data so a sealed bid cannot be moved to another row.
 * A database dump taken while bids are open shows commitments only.
 */
export class BidSealer {
  private readonly key: Buffer;

  constructor(keyHex: string) {
    if (!/^[0-9a-f]{64}$/i.test(keyHex)) throw new Error('the bid sealing key is 32 bytes as 64 hex digits');
    this.key = Buffer.from(keyHex, 'hex');
  }

  seal(plaintext: string, boundTo: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, nonce.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string, boundTo: string): string {
    const [format, nonce, tag, body] = sealed.split(':');
    if (format !== FORMAT || !nonce || !tag || body === undefined) throw new Error('not a sealed bid');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/**
 * `BIDDING_SEAL_KEY` (64 hex digits), or in embedded mode a random key kept in the data folder. A key lost across
 * a restart would leave every open round's bids unreadable at its close, so distributed mode must be given it.
 */
export function bidSealKeyFrom(env: NodeJS.ProcessEnv, fallbackFile: string | null): string {
  return secretFromEnvOrDataFile(env, 'BIDDING_SEAL_KEY', fallbackFile, () => randomBytes(32).toString('hex'));
}
