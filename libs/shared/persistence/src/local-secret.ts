import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret from the environment variable `variable`; in embedded mode, without one, a generated secret kept in
 * `fallbackFile` (mode 0600) so it survives a restart and no default secret ever ships. Distributed mode
 * (no fallback file) must be given the secret.
 */
export function secretFromEnvOrDataFile(env: NodeJS.ProcessEnv, variable: string, fallbackFile: string | null, generate: () => string): string {
  const fromEnv = env[variable];
  if (fromEnv) return fromEnv;
  if (!fallbackFile) throw new Error(`${variable} is required in distributed mode`);
  if (existsSync(fallbackFile)) return readFileSync(fallbackFile, 'utf8').trim();
  mkdirSync(dirname(fallbackFile), { recursive: true });
  const secret = generate();
  writeFileSync(fallbackFile, secret, { mode: 0o600 });
  return secret;
}
