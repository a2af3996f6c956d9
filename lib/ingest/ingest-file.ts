/**
 * The one path every report takes into the database — the upload API, the bulk CLI and the first-start seeds:
 * parse the file, then store its bytes, the parser's output, the effective values, the checks and any
 * reviewer corrections in ONE transaction. Same bytes twice → the existing report, nothing new stored.
 */
import { createHash } from "node:crypto";
import type { Pool, PoolClient } from "pg";
import { checkReport } from "../report/relations";
import { PARSER_VERSION, type ParseResult, type ParseSuccess } from "../parse/types";
import { parseFile } from "../parse";
import { getPool } from "../db/client";
import { checkMediaType } from "./media-type";
import {
  applyOverrides,
  metadataOfParse,
  type MetadataOverrides,
  type ValueOverrides,
} from "./overrides";
import {
  insertNewUpload,
  insertCurrentVersion,
  insertSourceFile,
  setSourceParseError,
  sourceHasVersions,
  upsertAgencyAndReport,
  type StoredParseError,
} from "./store";
import { inTransaction, Rollback, withRetry } from "./transaction";
import { correctReport } from "./corrections";

export type IngestStatus = "imported" | "new_version" | "duplicate" | "failed";

export interface IngestedAgency {
  id: number;
  name: string;
  fullName: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
}

export interface IngestSuccess {
  file: string;
  ok: true;
  status: Exclude<IngestStatus, "failed">;
  duplicate: boolean;
  reportId: number;
  versionId: number;
  version: number;
  agency: IngestedAgency;
  year: number;
  format: string;
  failedChecks: number;
  warnings: string[];
  /** Corrections recorded by this call. */
  corrections: number;
}

export interface IngestFailure {
  file: string;
  ok: false;
  status: "failed";
  /** True when these bytes were already stored (with this same error). */
  duplicate: boolean;
  /** The stored bytes (kept even though they could not be read); null when they were refused before storing. */
  sourceFileId: number | null;
  error: { code: string; message: string };
}

export type IngestResult = IngestSuccess | IngestFailure;

export interface IngestFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** Defaults to what the file name says. */
  mediaType?: string;
  /** Who is storing it: "admin", "cli", "seed" … */
  actor: string;
  metadataOverrides?: MetadataOverrides;
  valueOverrides?: ValueOverrides;
  pool?: Pool;
  /** Parse bytes kept with an error again even if the same parser version failed on them (npm run reparse). */
  retryStoredFailure?: boolean;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function hasOverrides(i: Pick<IngestFileInput, "metadataOverrides" | "valueOverrides">): boolean {
  return Object.keys(i.metadataOverrides ?? {}).length > 0 || Object.keys(i.valueOverrides ?? {}).length > 0;
}

interface StoredSource {
  id: number;
  parseError: StoredParseError | null;
  versionId: number | null;
}

async function findSource(db: Pool | PoolClient, sha256: string): Promise<StoredSource | null> {
  const r = await db.query<{ id: number; parse_error: StoredParseError | null; version_id: number | null }>({
    name: "ingest_find_source",
    text: `SELECT sf.id, sf.parse_error, v.id AS version_id
       FROM source_file sf
       LEFT JOIN LATERAL (
         SELECT rv.id FROM report_version rv
          WHERE rv.source_file_id = sf.id
          ORDER BY rv.is_current DESC, rv.version_no DESC LIMIT 1
       ) v ON true
      WHERE sf.sha256 = $1`,
    values: [sha256],
  });
  const row = r.rows[0];
  return row ? { id: row.id, parseError: row.parse_error, versionId: row.version_id } : null;
}

/** The report a stored version belongs to, as a per-file result. */
export async function describeVersion(
  db: Pool | PoolClient,
  versionId: number,
  file: string,
  status: IngestSuccess["status"],
  corrections = 0,
): Promise<IngestSuccess> {
  const r = await db.query<{
    report_id: number;
    version_no: number;
    year: number;
    format: string;
    failed_check_count: number;
    warnings: string[];
    agency_id: number;
    name: string;
    full_name: string | null;
    province: string | null;
    city: string | null;
    county: string | null;
  }>(
    `SELECT rv.report_id, rv.version_no, r.year, rv.format, rv.failed_check_count, rv.warnings,
            a.id AS agency_id, a.name, a.full_name, a.province, a.city, a.county
       FROM report_version rv JOIN report r ON r.id = rv.report_id JOIN agency a ON a.id = r.agency_id
      WHERE rv.id = $1`,
    [versionId],
  );
  const row = r.rows[0];
  if (!row) throw new Error(`version ${versionId} not found`);
  return {
    file,
    ok: true,
    status,
    duplicate: status === "duplicate",
    reportId: row.report_id,
    versionId,
    version: row.version_no,
    agency: { id: row.agency_id, name: row.name, fullName: row.full_name, province: row.province, city: row.city, county: row.county },
    year: row.year,
    format: row.format,
    failedChecks: row.failed_check_count,
    warnings: row.warnings,
    corrections,
  };
}

function failure(file: string, error: { code: string; message: string }, sourceFileId: number | null, duplicate: boolean): IngestFailure {
  return { file, ok: false, status: "failed", duplicate, sourceFileId, error: { code: error.code, message: error.message } };
}

const MISSING_METADATA = (what: string[]): StoredParseError => ({
  code: "metadata_missing",
  message: `未能从文件中识别${what.join("和")}；请在上传页面的审核步骤中补充后保存。 / Could not find the ${what
    .map((w) => (w === "机关名称" ? "agency name" : "year"))
    .join(" and ")} in the file; fill it in at the review step of the upload page and save.`,
  parserVersion: PARSER_VERSION,
});

export async function ingestFile(input: IngestFileInput): Promise<IngestResult> {
  const pool = input.pool ?? getPool();
  const file = input.fileName;
  const media = checkMediaType(input.fileName, input.bytes);
  if (!media.ok) {
    return failure(file, { code: "unsupported_type", message: `不支持的文件类型 / Unsupported file type — ${media.reason}` }, null, false);
  }
  const mediaType = input.mediaType || media.mediaType;
  const sha256 = sha256Hex(input.bytes);

  // Already in? Answer without parsing: re-runs over a big folder cost one lookup per file.
  const known = await findSource(pool, sha256);
  if (known?.versionId) {
    const existing = await describeVersion(pool, known.versionId, file, "duplicate");
    if (!hasOverrides(input)) return existing;
    // Reviewed corrections on bytes already stored apply to that report as a correction version.
    const corrected = await correctReport({
      reportId: existing.reportId,
      metadataOverrides: input.metadataOverrides,
      valueOverrides: input.valueOverrides,
      actor: input.actor,
      pool,
    });
    if (!corrected.ok) return failure(file, corrected.error, known.id, true);
    return { ...(await describeVersion(pool, corrected.versionId, file, "duplicate", corrected.corrections)) };
  }
  if (known?.parseError && !hasOverrides(input) && !input.retryStoredFailure && known.parseError.parserVersion === PARSER_VERSION) {
    return failure(file, known.parseError, known.id, true);
  }

  const parsed: ParseResult = await parseFile(input.fileName, input.bytes);

  if (!parsed.ok) {
    const error: StoredParseError = { ...parsed.error, parserVersion: PARSER_VERSION };
    return storeFailure(pool, { sha256, fileName: file, mediaType, bytes: input.bytes, actor: input.actor }, error);
  }

  const applied = applyOverrides(
    { format: parsed.format, metadata: metadataOfParse(parsed), values: parsed.values },
    input.metadataOverrides,
    input.valueOverrides,
  );
  if (!applied.ok) return failure(file, applied.error, known?.id ?? null, false);
  const { metadata, values, corrections } = applied;
  const missing = [...(metadata.agency ? [] : ["机关名称"]), ...(metadata.year === null ? ["年度"] : [])];
  if (missing.length > 0) {
    return storeFailure(pool, { sha256, fileName: file, mediaType, bytes: input.bytes, actor: input.actor }, MISSING_METADATA(missing));
  }

  const checks = corrections.some((c) => !c.field.startsWith("meta.")) ? checkReport(parsed.format, values) : parsed.checks;

  const success = (r: { reportId: number; created: boolean; versionId: number; versionNo: number; agency: IngestedAgency }): IngestSuccess => ({
    file,
    ok: true,
    status: r.created ? "imported" : "new_version",
    duplicate: false,
    reportId: r.reportId,
    versionId: r.versionId,
    version: r.versionNo,
    agency: { id: r.agency.id, name: r.agency.name, fullName: r.agency.fullName, province: r.agency.province, city: r.agency.city, county: r.agency.county },
    year: metadata.year!,
    format: parsed.format,
    failedChecks: checks.filter((c) => !c.ok).length,
    warnings: parsed.warnings,
    corrections: corrections.length,
  });
  const version = {
    format: parsed.format,
    parserVersion: parsed.parserVersion || PARSER_VERSION,
    parsed: parsed satisfies ParseSuccess,
    activeDisclosureTotal: parsed.activeDisclosureTotal,
    warnings: parsed.warnings,
    values,
    checks,
    corrections,
    actor: input.actor,
  };

  if (!known) {
    // Bytes never seen: the whole write is one atomic statement (see insertNewUpload).
    const row = await withRetry(() =>
      insertNewUpload(pool, {
        ...version,
        source: { sha256, fileName: file, mediaType, bytes: input.bytes, actor: input.actor },
        agency: metadata.agency!,
        region: metadata.region,
        year: metadata.year!,
      }),
    );
    if (row) return success(row);
    // Written by a concurrent upload of the same bytes a moment ago.
    const again = await findSource(pool, sha256);
    if (again?.versionId) return describeVersion(pool, again.versionId, file, "duplicate");
    if (!again) throw new Error(`source file ${sha256} neither inserted nor found`);
  }

  // The bytes were kept earlier without a report (a failed parse, or a deleted report): attach a report to them.
  try {
    return await inTransaction(pool, async (client) => {
      const source = await insertSourceFile(client, {
        sha256,
        fileName: file,
        mediaType,
        bytes: input.bytes,
        actor: input.actor,
        parseError: null,
      });
      if (!source.created) {
        if (await sourceHasVersions(client, source.id)) throw new Rollback(source.id);
        await setSourceParseError(client, source.id, null);
      }
      const { agency, reportId, created } = await upsertAgencyAndReport(client, metadata.agency!, metadata.region, metadata.year!);
      const v = await insertCurrentVersion(client, reportId, { ...version, sourceFileId: source.id, origin: "upload" });
      return success({ reportId, created, versionId: v.versionId, versionNo: v.versionNo, agency });
    });
  } catch (e) {
    if (e instanceof Rollback) {
      const again = await findSource(pool, sha256);
      if (again?.versionId) return describeVersion(pool, again.versionId, file, "duplicate");
    }
    throw e;
  }
}

async function storeFailure(
  pool: Pool,
  f: { sha256: string; fileName: string; mediaType: string; bytes: Uint8Array; actor: string },
  error: StoredParseError,
): Promise<IngestResult> {
  const outcome = await inTransaction(pool, async (client) => {
    const source = await insertSourceFile(client, { ...f, parseError: error });
    if (source.created) return { sourceId: source.id, duplicate: false, versionId: null as number | null };
    if (await sourceHasVersions(client, source.id)) {
      // Someone stored a report from these bytes meanwhile (e.g. with corrections): that is the answer.
      const v = await findSource(client, f.sha256);
      return { sourceId: source.id, duplicate: true, versionId: v?.versionId ?? null };
    }
    await setSourceParseError(client, source.id, error);
    return { sourceId: source.id, duplicate: true, versionId: null };
  });
  if (outcome.versionId) return describeVersion(pool, outcome.versionId, f.fileName, "duplicate");
  return failure(f.fileName, error, outcome.sourceId, outcome.duplicate);
}
