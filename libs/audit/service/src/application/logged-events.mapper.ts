import { loggedEventOf, type LoggedEvent } from '@mkt/audit/core';
import type { StoredEntry } from '../infrastructure/audit-log.repository';

/** Stored entries as the core's analytics read them. */
export function loggedEventsOf(entries: readonly StoredEntry[]): LoggedEvent[] {
  return entries.map((entry) => loggedEventOf(entry.position, JSON.parse(entry.entry)));
}
