/**
 * The review step's read: parse a file WITHOUT storing anything and say whether its bytes are already in,
 * so the upload page can show the tables, the broken relations and "already imported" before saving.
 */
import type { Pool } from "pg";
import { parseFile } from "../parse";
import type { ParseResult } from "../parse/types";
import { getPool } from "../db/client";
import { describeVersion, sha256Hex, type IngestSuccess } from "./ingest-file";
import { checkMediaType } from "./media-type";
import { agencyIdentityKey } from "./agency-identity";

export interface PreviewResult {
  file: string;
  sha256: string;
  /** The parser's output as it would be stored (or its error). */
  parse: ParseResult;
  /** When these exact bytes were imported before: that report. */
  existing: IngestSuccess | null;
  /** When a report for the same agency and year exists (saving would add a version): its id. */
  sameAgencyYearReportId: number | null;
}

export async function previewFile(fileName: string, bytes: Uint8Array, pool: Pool = getPool()): Promise<PreviewResult> {
  const sha256 = sha256Hex(bytes);
  const media = checkMediaType(fileName, bytes);
  const parse: ParseResult = media.ok
    ? await parseFile(fileName, bytes)
    : { file: fileName, ok: false, error: { code: "unsupported_type", message: `不支持的文件类型 / Unsupported file type — ${media.reason}` } };
  const known = await pool.query<{ version_id: number | null }>(
    `SELECT (SELECT rv.id FROM report_version rv WHERE rv.source_file_id = sf.id ORDER BY rv.is_current DESC, rv.version_no DESC LIMIT 1) AS version_id
       FROM source_file sf WHERE sf.sha256 = $1`,
    [sha256],
  );
  const versionId = known.rows[0]?.version_id ?? null;
  const existing = versionId ? await describeVersion(pool, versionId, fileName, "duplicate") : null;
  let sameAgencyYearReportId: number | null = null;
  if (!existing && parse.ok && parse.agency && parse.year !== null) {
    const key = agencyIdentityKey({ province: parse.region.province, city: parse.region.city, county: parse.region.county, name: parse.agency.name });
    const r = await pool.query<{ id: number }>(
      `SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.identity_key = $1 AND r.year = $2`,
      [key, parse.year],
    );
    sameAgencyYearReportId = r.rows[0]?.id ?? null;
  }
  return { file: fileName, sha256, parse, existing, sameAgencyYearReportId };
}
