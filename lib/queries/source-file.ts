/** An uploaded original, byte for byte, for GET /api/files/[id]. */
import { type Db, int, iso, resolveDb } from "./sql";

export interface SourceFileMeta {
  id: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  /** { code, message } when the file could not be parsed. */
  parseError: { code: string; message: string } | null;
}

export interface SourceFileContent extends SourceFileMeta {
  content: Uint8Array;
}

export async function getSourceFile(id: number, db?: Db): Promise<SourceFileContent | null> {
  const pool = await resolveDb(db);
  const { rows } = await pool.query(
    `SELECT id, file_name, media_type, byte_size, sha256, uploaded_at, parse_error, content FROM source_file WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: int(r.id),
    fileName: String(r.file_name),
    mediaType: String(r.media_type),
    byteSize: int(r.byte_size),
    sha256: String(r.sha256),
    uploadedAt: iso(r.uploaded_at),
    parseError: (r.parse_error as SourceFileMeta["parseError"]) ?? null,
    content: new Uint8Array(r.content as Buffer),
  };
}
