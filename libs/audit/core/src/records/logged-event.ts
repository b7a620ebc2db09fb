/**
 * One log entry as the analytics read it: its position (leaf index) and the event's envelope fields. Payloads are
 * read defensively — the log records events of any type and version, so a field may be missing or of another shape.
 */
export interface LoggedEvent {
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly aggregateId: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * The envelope of a stored entry (its JCS text) as a `LoggedEvent`; a payload that is not an object reads as `{}`.
 * `occurredAt` is normalised to UTC `toISOString()` form, so periods compare as text whatever offset a producer wrote.
 */
export function loggedEventOf(position: number, envelope: { id?: unknown; type?: unknown; occurredAt?: unknown; aggregateId?: unknown; payload?: unknown }): LoggedEvent {
  const payload = envelope.payload !== null && typeof envelope.payload === 'object' && !Array.isArray(envelope.payload) ? (envelope.payload as Record<string, unknown>) : {};
  return {
    position,
    eventId: String(envelope.id ?? ''),
    type: String(envelope.type ?? ''),
    occurredAt: utcInstant(envelope.occurredAt),
    aggregateId: String(envelope.aggregateId ?? ''),
    payload,
  };
}

/** A string field of a payload, or null. */
export function text(payload: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = payload[field];
  return typeof value === 'string' ? value : null;
}

/** A finite number field of a payload, or null. */
export function num(payload: Readonly<Record<string, unknown>>, field: string): number | null {
  const value = payload[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A list of strings in a payload; anything else reads as empty. */
export function texts(payload: Readonly<Record<string, unknown>>, field: string): string[] {
  const value = payload[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A list of objects in a payload; anything else reads as empty. */
export function records(payload: Readonly<Record<string, unknown>>, field: string): Readonly<Record<string, unknown>>[] {
  const value = payload[field];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)) : [];
}

/** A changed term of a `projects.ProjectAmended` payload: its path in the terms and the primitive values either side. */
export interface AmendedTerm {
  readonly term: string;
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
}

/** The rows of an amendment's `changes`; a malformed row is skipped, a value that is not a primitive reads as null. */
export function amendedTerms(payload: Readonly<Record<string, unknown>>): AmendedTerm[] {
  const primitive = (v: unknown) => (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null);
  return records(payload, 'changes')
    .filter((row) => typeof row['term'] === 'string')
    .map((row) => ({ term: row['term'] as string, before: primitive(row['before']), after: primitive(row['after']) }));
}

/** The project an event concerns: `payload.projectId`, or the aggregate of a projects-service event. */
export function projectIdOf(event: LoggedEvent): string | null {
  return text(event.payload, 'projectId') ?? (event.type.startsWith('projects.') ? event.aggregateId : null);
}

function utcInstant(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value ?? '');
}
