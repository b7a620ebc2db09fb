import type { Logger as TypeOrmLogger } from 'typeorm';

/** Where a database's own warnings go: the service's logger (Nest's Logger satisfies it). */
export interface DatabaseLogger {
  warn(message: string): void;
  error(message: string): void;
}

// Enough of a statement to tell which one failed; the rest adds nothing to a log line.
const STATEMENT_CHARS = 160;

/**
 * TypeORM's own logging prints a failed query with all its parameters on stdout, outside the JSON log. The
 * parameters of this marketplace's statements hold sealed bids with their salts, token hashes and
 * personal data, none of which may reach a log: this logger reports the error and the statement only.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  constructor(private readonly logger: DatabaseLogger) {}

  logQueryError(error: string | Error, query: string): void {
    const reason = typeof error === 'string' ? error : error.message;
    this.logger.error(`query failed: ${reason} — in: ${statementOf(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${statementOf(query)}`);
  }

  logMigration(): void {}

  logQuery(): void {}

  logSchemaBuild(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

function statementOf(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > STATEMENT_CHARS ? `${flat.slice(0, STATEMENT_CHARS)}…` : flat;
}
