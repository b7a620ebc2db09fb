import { BIDDING_TOPICS } from '@mkt/bidding/contracts';
import { DRAW_TOPICS } from '@mkt/draw/contracts';
import { IDENTITY_TOPICS } from '@mkt/identity/contracts';
import { PROJECTS_TOPICS } from '@mkt/projects/contracts';
import { REGISTRY_TOPICS } from '@mkt/registry/contracts';

/**
 * Every topic whose events go into the log, whatever their type: a new service's events are audited by adding its
 * contracts' topic list here. Identity's events name accounts by id and role only, never a person's name.
 */
export const AUDITED_TOPICS: readonly string[] = [...IDENTITY_TOPICS, ...REGISTRY_TOPICS, ...PROJECTS_TOPICS, ...DRAW_TOPICS, ...BIDDING_TOPICS];

export const DEFAULT_LOG_ORIGIN = 'mkt.example/audit-log';
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/** Scheduled-task kinds: the regular checkpoint (re-arms itself) and the one that follows a draw's reveal. */
export const INTERVAL_CHECKPOINT_TASK = 'audit.interval-checkpoint';
export const REVEAL_CHECKPOINT_TASK = 'audit.reveal-checkpoint';

/** How the log names and signs itself. */
export interface AuditLogSettings {
  /** The checkpoint origin line, and the name of the key generated when none is configured. */
  readonly origin: string;
  /** A C2SP signer key (`PRIVATE+KEY+<name>+…`); null: use (or generate) the key kept in the audit database. */
  readonly signingKey: string | null;
  /** How often a checkpoint is signed when the log has grown since the last one. */
  readonly checkpointIntervalMs: number;
}

/**
 * Settings from the composition root's options, else the environment: `AUDIT_SIGNING_KEY`, `AUDIT_LOG_ORIGIN`
 * (default: the configured key's name, else `mkt.example/audit-log`), `AUDIT_CHECKPOINT_INTERVAL_SECONDS` (60).
 */
export function auditLogSettings(options: Partial<AuditLogSettings> = {}, env: NodeJS.ProcessEnv = process.env): AuditLogSettings {
  const signingKey = options.signingKey !== undefined ? options.signingKey : env['AUDIT_SIGNING_KEY']?.trim() || null;
  const origin = options.origin ?? (env['AUDIT_LOG_ORIGIN']?.trim() || (signingKey ? keyNameOf(signingKey) : null) || DEFAULT_LOG_ORIGIN);
  const fromEnv = env['AUDIT_CHECKPOINT_INTERVAL_SECONDS']?.trim();
  const checkpointIntervalMs = options.checkpointIntervalMs ?? (fromEnv ? Number(fromEnv) * 1000 : DEFAULT_CHECKPOINT_INTERVAL_MS);
  if (!Number.isFinite(checkpointIntervalMs) || checkpointIntervalMs < 1000) {
    throw new Error(`AUDIT_CHECKPOINT_INTERVAL_SECONDS must be a number of seconds, at least 1 (got ${fromEnv ?? checkpointIntervalMs / 1000})`);
  }
  return { origin, signingKey, checkpointIntervalMs };
}

// `PRIVATE+KEY+<name>+<id>+<key>`: the name, for the default origin; the key itself is checked when parsed.
function keyNameOf(signingKey: string): string | null {
  const [prefix, kind, name] = signingKey.split('+');
  return prefix === 'PRIVATE' && kind === 'KEY' && name ? name : null;
}

/** Nest token for the resolved `AuditLogSettings`. */
export const AUDIT_LOG_SETTINGS = Symbol('AuditLogSettings');

/** How the OCDS export names itself: `AUDIT_OCID_PREFIX` (the prefix registered with OCDS) and `AUDIT_OCDS_PUBLISHER`. */
export interface OcdsSettings {
  readonly ocidPrefix: string;
  readonly publisherName: string;
}

/** Until a deployment registers its own prefix, releases say so with the placeholder `ocds-mkt000`. */
export function ocdsSettings(env: NodeJS.ProcessEnv = process.env): OcdsSettings {
  const ocidPrefix = env['AUDIT_OCID_PREFIX']?.trim() || 'ocds-mkt000';
  if (!/^ocds-[a-z0-9]{6}$/.test(ocidPrefix)) throw new Error(`AUDIT_OCID_PREFIX must be "ocds-" and six lower-case letters or digits (got ${ocidPrefix})`);
  return { ocidPrefix, publisherName: env['AUDIT_OCDS_PUBLISHER']?.trim() || '网上中介超市 intermediary-service marketplace' };
}

/** Nest token for the resolved `OcdsSettings`. */
export const OCDS_SETTINGS = Symbol('OcdsSettings');
