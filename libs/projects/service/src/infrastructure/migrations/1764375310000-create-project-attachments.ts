import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bytes of project attachments, in the projects database: one backup, one access path, no client file names
 * on disk. Whether a file is part of the posting is the project's record (its `attachments`); a row not named
 * there was uploaded after publication and waits for an amendment.
 */
export class CreateProjectAttachments1764375310000 implements MigrationInterface {
  name = 'CreateProjectAttachments1764375310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_attachment_file (
        id          uuid PRIMARY KEY,
        project_id  uuid NOT NULL REFERENCES project(id),
        name        text NOT NULL,
        media_type  text NOT NULL,
        size_bytes  int NOT NULL,
        sha256      text NOT NULL,
        content     bytea NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        UNIQUE (project_id, sha256)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_attachment_file`);
  }
}
