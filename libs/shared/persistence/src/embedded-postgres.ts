import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * One PGlite instance for one service, served on a private Unix socket so that the ordinary `pg` driver
 * (the same one distributed mode uses) talks to it. PGlite is a single session: the server takes one
 * connection and the client pool must hold exactly one, which serialises transactions instead of
 * interleaving them.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
    // A private 0700 folder: the socket has no password, so only this user may reach it.
    const socketDir = mkdtempSync(join(tmpdir(), 'mkt-pg-'));
    const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 1 });
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir);
  }

  /** libpq-style connection settings for `pg`: host is the socket folder. */
  get connection(): { host: string; port: number; username: string; database: string } {
    return { host: this.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.socketDir, { recursive: true, force: true });
  }
}
