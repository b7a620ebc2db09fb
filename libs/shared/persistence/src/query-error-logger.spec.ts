import type { Logger as TypeOrmLogger } from 'typeorm';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    // Called as TypeORM calls it, parameters included.
    const logger: TypeOrmLogger = new QueryErrorLogger({ warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
    return { lines, logger };
  };

  it('reports a failed statement and its error without the parameters it was given', () => {
    const { lines, logger } = capture();
    const salt = 'c9d5c0d6fd4859996e547a6dcc86dca54da9f0213ce5048b9547c8a826a3ab50';

    logger.logQueryError(new Error('duplicate key value violates unique constraint "bid_one_live_per_agency"'), 'INSERT INTO bid (bid_id, sealed)\n   VALUES ($1, $2)', ['b-1', salt]);

    expect(lines).toEqual(['error query failed: duplicate key value violates unique constraint "bid_one_live_per_agency" — in: INSERT INTO bid (bid_id, sealed) VALUES ($1, $2)']);
    expect(lines.join()).not.toContain(salt);
  });

  it('shortens a long statement to its beginning', () => {
    const { lines, logger } = capture();

    logger.logQueryError('timeout', `WITH open AS (SELECT 1) ${'SELECT 1 UNION ALL '.repeat(50)}SELECT 2`, []);

    expect(lines[0]).toMatch(/^error query failed: timeout — in: WITH open AS \(SELECT 1\) SELECT 1 UNION ALL .{100,}…$/);
    expect(lines[0].length).toBeLessThan(220);
  });

  it('passes warnings on and keeps routine query and schema chatter out', () => {
    const { lines, logger } = capture();

    logger.log('warn', 'pool is full');
    logger.log('info', 'connected');
    logger.logQuery('SELECT 1');
    logger.logSchemaBuild('CREATE TABLE t ()');
    logger.logMigration('migrated');

    expect(lines).toEqual(['warn pool is full']);
  });
});
