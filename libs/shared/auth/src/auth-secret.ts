import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `AUTH_TOKEN_SECRET` from the environment; in embedded mode, without one, a random secret kept in the
 * data folder (mode 0600) so tokens survive a restart and no default secret ever ships.
 */
export function authSecretFrom(env: NodeJS.ProcessEnv, fallbackFile: string | null): string {
  const fromEnv = env['AUTH_TOKEN_SECRET'];
  if (fromEnv) return fromEnv;
  if (!fallbackFile) throw new Error('AUTH_TOKEN_SECRET is required in distributed mode');
  if (existsSync(fallbackFile)) return readFileSync(fallbackFile, 'utf8').trim();
  mkdirSync(dirname(fallbackFile), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(fallbackFile, secret, { mode: 0o600 });
  return secret;
}
