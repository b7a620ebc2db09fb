import type { EntityManager } from 'typeorm';
import type { AttachmentMediaType } from '@mkt/projects/core';
import { notFound } from '@mkt/shared/kernel';

export interface StoredAttachmentFile {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly mediaType: AttachmentMediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

interface Row {
  id: string;
  project_id: string;
  name: string;
  media_type: AttachmentMediaType;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date | string;
}

const COLUMNS = 'id, project_id, name, media_type, size_bytes, sha256, uploaded_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Attachment bytes of projects, in the projects service's own database. */
export class AttachmentFileRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(file: StoredAttachmentFile & { content: Buffer; uploadedBy: string }): Promise<void> {
    await this.manager.query(
      `INSERT INTO project_attachment_file (id, project_id, name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [file.id, file.projectId, file.name, file.mediaType, file.sizeBytes, file.sha256, file.content, file.uploadedBy, file.uploadedAt],
    );
  }

  async withContent(projectId: string, sha256: string): Promise<StoredAttachmentFile | null> {
    const [row] = await this.manager.query(`SELECT ${COLUMNS} FROM project_attachment_file WHERE project_id = $1 AND sha256 = $2`, [projectId, sha256]);
    return row ? toFile(row) : null;
  }

  /** The file with its bytes; not found unless it belongs to `projectId`. */
  async get(projectId: string, id: string): Promise<StoredAttachmentFile & { content: Buffer }> {
    const [row] = UUID.test(id) ? await this.manager.query(`SELECT ${COLUMNS}, content FROM project_attachment_file WHERE id = $1 AND project_id = $2`, [id, projectId]) : [];
    if (!row) throw notFound('PROJECTS.ATTACHMENT_NOT_FOUND', `project ${projectId} has no attachment ${id}`);
    return { ...toFile(row), content: Buffer.from(row.content) };
  }

  /** Every file uploaded for the project, oldest first. */
  async ofProject(projectId: string): Promise<StoredAttachmentFile[]> {
    const rows: Row[] = await this.manager.query(`SELECT ${COLUMNS} FROM project_attachment_file WHERE project_id = $1 ORDER BY uploaded_at, id`, [projectId]);
    return rows.map(toFile);
  }
}

function toFile(row: Row): StoredAttachmentFile {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}
