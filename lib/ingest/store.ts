/**
 * The SQL that writes one reading of a report. Every function runs inside the caller's transaction; row locks
 * are taken in one order (source file → agency → report) so concurrent writers queue instead of deadlocking,
 * and the unique keys (sha256, identity_key, agency_id+year, report_id+version_no) make a lost race a conflict
 * the transaction is retried on, never a duplicate row.
 */
import type { Pool, PoolClient } from "pg";
import { columnForKey, keysForFormat, type ReportFormat, type ReportValues } from "../report/catalog";
import type { Check } from "../report/relations";
import type { ParsedAgency, ParsedRegion } from "../parse/types";
import { agencyIdentityKey } from "./agency-identity";
import type { CorrectionEntry } from "./overrides";

/** How a known agency absorbs a new reading: the first full name and code win; other full names become aliases. */
const AGENCY_ON_CONFLICT = `ON CONFLICT (identity_key) DO UPDATE SET
  updated_at = now(),
  full_name = COALESCE(agency.full_name, EXCLUDED.full_name),
  division_code = COALESCE(agency.division_code, EXCLUDED.division_code),
  aliases = CASE
    WHEN EXCLUDED.full_name IS NOT NULL AND EXCLUDED.full_name IS DISTINCT FROM agency.full_name
         AND NOT (EXCLUDED.full_name = ANY (agency.aliases))
    THEN array_append(agency.aliases, EXCLUDED.full_name)
    ELSE agency.aliases END`;

export type VersionOrigin = "upload" | "reparse" | "correction";

export interface StoredParseError {
  code: string;
  message: string;
  parserVersion?: string;
}

export interface SourceFileInput {
  sha256: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  actor: string;
  parseError: StoredParseError | null;
}

/** Inserts the file unless the same bytes are already stored; returns the row id and whether this call created it. */
export async function insertSourceFile(client: PoolClient, f: SourceFileInput): Promise<{ id: number; created: boolean }> {
  const inserted = await client.query<{ id: number }>({
    name: "ingest_insert_source",
    text: `INSERT INTO source_file (sha256, file_name, media_type, byte_size, content, uploaded_by, parse_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (sha256) DO NOTHING
     RETURNING id`,
    values: [f.sha256, f.fileName, f.mediaType, f.bytes.byteLength, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), f.actor, f.parseError === null ? null : JSON.stringify(f.parseError)],
  });
  if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
  const existing = await client.query<{ id: number }>(`SELECT id FROM source_file WHERE sha256 = $1 FOR UPDATE`, [f.sha256]);
  if (!existing.rows[0]) {
    // The conflicting insert was rolled back between our two statements: let the transaction retry.
    throw Object.assign(new Error("source_file vanished during insert"), { code: "40001" });
  }
  return { id: existing.rows[0].id, created: false };
}

export async function setSourceParseError(client: PoolClient, sourceFileId: number, error: StoredParseError | null): Promise<void> {
  await client.query(`UPDATE source_file SET parse_error = $2 WHERE id = $1`, [sourceFileId, error === null ? null : JSON.stringify(error)]);
}

export async function sourceHasVersions(client: PoolClient, sourceFileId: number): Promise<boolean> {
  const r = await client.query(`SELECT 1 FROM report_version WHERE source_file_id = $1 LIMIT 1`, [sourceFileId]);
  return r.rowCount !== null && r.rowCount > 0;
}

export interface AgencyRow {
  id: number;
  name: string;
  fullName: string | null;
  kind: string;
  level: string;
  province: string | null;
  city: string | null;
  county: string | null;
}

export async function upsertAgency(client: PoolClient, agency: ParsedAgency, region: ParsedRegion): Promise<AgencyRow> {
  const key = agencyIdentityKey({ province: region.province, city: region.city, county: region.county, name: agency.name });
  const r = await client.query<AgencyRow>(
    `INSERT INTO agency (identity_key, name, full_name, kind, level, province, city, county, division_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ${AGENCY_ON_CONFLICT}
     RETURNING id, name, full_name AS "fullName", kind, level, province, city, county`,
    [key, agency.name, agency.fullName, agency.kind, agency.level, region.province, region.city, region.county, region.code ?? null],
  );
  return r.rows[0]!;
}

/** upsertAgency + upsertReport in one round trip (the upload path's hot spot). */
export async function upsertAgencyAndReport(
  client: PoolClient,
  agency: ParsedAgency,
  region: ParsedRegion,
  year: number,
): Promise<{ agency: AgencyRow; reportId: number; created: boolean }> {
  const key = agencyIdentityKey({ province: region.province, city: region.city, county: region.county, name: agency.name });
  const r = await client.query<AgencyRow & { report_id: number; created: boolean }>({
    name: "ingest_upsert_agency_report",
    text: `WITH a AS (
       INSERT INTO agency (identity_key, name, full_name, kind, level, province, city, county, division_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ${AGENCY_ON_CONFLICT}
       RETURNING id, name, full_name, kind, level, province, city, county
     ), r AS (
       INSERT INTO report (agency_id, year) SELECT id, $10 FROM a
       ON CONFLICT (agency_id, year) DO UPDATE SET updated_at = now()
       RETURNING id, (xmax = 0) AS created
     )
     SELECT a.id, a.name, a.full_name AS "fullName", a.kind, a.level, a.province, a.city, a.county, r.id AS report_id, r.created
       FROM a, r`,
    values: [key, agency.name, agency.fullName, agency.kind, agency.level, region.province, region.city, region.county, region.code ?? null, year],
  });
  const row = r.rows[0]!;
  const { report_id, created, ...agencyRow } = row;
  return { agency: agencyRow, reportId: report_id, created };
}

/** Creates the report for agency+year or locks the existing one for the rest of the transaction. */
export async function upsertReport(client: PoolClient, agencyId: number, year: number): Promise<{ id: number; created: boolean }> {
  const r = await client.query<{ id: number; created: boolean }>(
    `INSERT INTO report (agency_id, year) VALUES ($1, $2)
     ON CONFLICT (agency_id, year) DO UPDATE SET updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [agencyId, year],
  );
  return r.rows[0]!;
}

export interface VersionInput {
  sourceFileId: number;
  origin: VersionOrigin;
  format: ReportFormat;
  parserVersion: string;
  /** The parser's whole output for the file, exactly as produced. */
  parsed: unknown;
  activeDisclosureTotal: number | null;
  warnings: string[];
  /** Effective values (the parse with any corrections applied). */
  values: ReportValues;
  checks: Check[];
  corrections: CorrectionEntry[];
  actor: string;
  reason?: string | null;
  correctionNote?: string | null;
}

const COLUMNS = new Map<ReportFormat, ReadonlyArray<readonly [string, string]>>();

/** The wide values row of a version as a JSON-ready object: column name → value, for jsonb_populate_record. */
function valuesRowJson(format: ReportFormat, values: ReportValues, versionId?: number): Record<string, number | null> {
  let columns = COLUMNS.get(format);
  if (!columns) {
    columns = keysForFormat(format).map((k) => [k, columnForKey(k)] as const);
    COLUMNS.set(format, columns);
  }
  const row: Record<string, number | null> = versionId === undefined ? {} : { version_id: versionId };
  for (const [key, column] of columns) row[column] = values[key] ?? null;
  return row;
}

export function checkScope(c: Check): string {
  return c.column ?? c.row ?? c.group ?? "";
}

/**
 * Adds a version to a report (locked by upsertReport or FOR UPDATE) and makes it the current one, in two
 * statements: the previous current version is switched off before the new row exists (the CTE's count forces
 * that order, which the one-current-per-report unique index needs), then the values, checks, corrections and
 * the report's pointer are written together.
 */
export async function insertCurrentVersion(client: PoolClient, reportId: number, v: VersionInput): Promise<{ versionId: number; versionNo: number }> {
  const failed = v.checks.filter((c) => !c.ok).length;
  const ins = await client.query<{ id: number; version_no: number }>({
    name: "ingest_insert_version",
    text: `WITH previous AS (
       UPDATE report_version SET is_current = false WHERE report_id = $1 AND is_current RETURNING 1
     )
     INSERT INTO report_version (report_id, version_no, is_current, source_file_id, origin, format, parser_version,
                                 parsed, active_disclosure_total, warnings, failed_check_count, created_by, reason)
     SELECT $1, (SELECT COALESCE(MAX(version_no), 0) + 1 FROM report_version WHERE report_id = $1), true,
            $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
       FROM (SELECT count(*) FROM previous) AS switched_off
     RETURNING id, version_no`,
    values: [
      reportId,
      v.sourceFileId,
      v.origin,
      v.format,
      v.parserVersion,
      JSON.stringify(v.parsed),
      v.activeDisclosureTotal === null ? null : Math.round(v.activeDisclosureTotal),
      v.warnings,
      failed,
      v.actor,
      v.reason ?? null,
    ],
  });
  const versionId = ins.rows[0]!.id;
  const versionNo = ins.rows[0]!.version_no;

  // Values, checks and corrections travel as three JSON documents that Postgres expands itself: one
  // constant statement, planned once per connection, instead of hundreds of bound parameters.
  const valuesRow = valuesRowJson(v.format, v.values, versionId);
  const checks = checksJson(v.checks);
  const corrections = v.corrections.map((c) => ({ field: c.field, old_value: c.oldValue, new_value: c.newValue }));
  await client.query({
    name: "ingest_write_version_rows",
    text: `WITH vals AS (
             INSERT INTO report_values SELECT * FROM jsonb_populate_record(NULL::report_values, $3::jsonb)
           ), checks AS (
             INSERT INTO check_result (version_id, rule_id, rule, scope, ok, "left", "right", left_keys, right_keys)
             SELECT $1, x.rule_id, x.rule, x.scope, x.ok, x."left", x."right", x.left_keys, x.right_keys
               FROM jsonb_to_recordset($4::jsonb) AS x(rule_id text, rule text, scope text, ok boolean, "left" float8, "right" float8, left_keys text[], right_keys text[])
           ), fixes AS (
             INSERT INTO correction (version_id, field, old_value, new_value, created_by, note)
             SELECT $1, x.field, x.old_value, x.new_value, $5, $6
               FROM jsonb_to_recordset($7::jsonb) AS x(field text, old_value text, new_value text)
           )
           UPDATE report SET current_version_id = $1, updated_at = now() WHERE id = $2`,
    values: [versionId, reportId, JSON.stringify(valuesRow), JSON.stringify(checks), v.actor, v.correctionNote ?? null, JSON.stringify(corrections)],
  });
  return { versionId, versionNo };
}

export interface NewUploadInput extends Omit<VersionInput, "sourceFileId" | "origin"> {
  source: Omit<SourceFileInput, "parseError">;
  agency: ParsedAgency;
  region: ParsedRegion;
  year: number;
}

export interface NewUploadRow {
  reportId: number;
  created: boolean;
  versionId: number;
  versionNo: number;
  agency: AgencyRow;
}

/**
 * The common case — bytes never seen before — as ONE statement, which Postgres runs atomically: source file,
 * agency, report, the switch of the current version, the version, its values, checks and corrections. Every
 * part hangs off the source-file insert, so when the same bytes are already in (or arrive concurrently) the
 * statement writes nothing and returns no row; the caller then answers "duplicate". The report points at the
 * new version through a pre-drawn id (foreign keys are checked at the end of the statement). Conflicts with a
 * concurrent writer of the same report surface as unique violations or deadlocks and are retried by the caller.
 */
export async function insertNewUpload(db: Pool | PoolClient, u: NewUploadInput): Promise<NewUploadRow | null> {
  const key = agencyIdentityKey({ province: u.region.province, city: u.region.city, county: u.region.county, name: u.agency.name });
  const valuesRow = valuesRowJson(u.format, u.values);
  const r = await db.query<{
    report_id: number;
    created: boolean;
    version_id: number;
    version_no: number;
    agency_id: number;
    name: string;
    full_name: string | null;
    kind: string;
    level: string;
    province: string | null;
    city: string | null;
    county: string | null;
  }>({
    name: "ingest_new_upload",
    text: `WITH sf AS (
         INSERT INTO source_file (sha256, file_name, media_type, byte_size, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (sha256) DO NOTHING
         RETURNING id
       ), ids AS (
         SELECT nextval(pg_get_serial_sequence('report_version', 'id'))::int AS vid
       ), a AS (
         INSERT INTO agency (identity_key, name, full_name, kind, level, province, city, county, division_code)
         SELECT $7, $8, $9, $10, $11, $12, $13, $14, $15 WHERE EXISTS (SELECT 1 FROM sf)
         ${AGENCY_ON_CONFLICT}
         RETURNING id, name, full_name, kind, level, province, city, county
       ), r AS (
         INSERT INTO report (agency_id, year, current_version_id) SELECT a.id, $16, ids.vid FROM a, ids
         ON CONFLICT (agency_id, year) DO UPDATE SET current_version_id = EXCLUDED.current_version_id, updated_at = now()
         RETURNING id, (xmax = 0) AS created
       ), previous AS (
         UPDATE report_version SET is_current = false WHERE report_id = (SELECT id FROM r) AND is_current RETURNING 1
       ), v AS (
         INSERT INTO report_version (id, report_id, version_no, is_current, source_file_id, origin, format, parser_version,
                                     parsed, active_disclosure_total, warnings, failed_check_count, created_by, reason)
         SELECT ids.vid, r.id, (SELECT COALESCE(MAX(version_no), 0) + 1 FROM report_version WHERE report_id = r.id), true,
                sf.id, 'upload', $17, $18, $19, $20, $21, $22, $6, NULL
           FROM ids, r, sf, (SELECT count(*) FROM previous) AS switched_off
         RETURNING id, version_no
       ), vals AS (
         INSERT INTO report_values
         SELECT p.* FROM v, jsonb_populate_record(NULL::report_values, $23::jsonb || jsonb_build_object('version_id', v.id)) AS p
       ), checks AS (
         INSERT INTO check_result (version_id, rule_id, rule, scope, ok, "left", "right", left_keys, right_keys)
         SELECT v.id, x.rule_id, x.rule, x.scope, x.ok, x."left", x."right", x.left_keys, x.right_keys
           FROM v, jsonb_to_recordset($24::jsonb) AS x(rule_id text, rule text, scope text, ok boolean, "left" float8, "right" float8, left_keys text[], right_keys text[])
       ), fixes AS (
         INSERT INTO correction (version_id, field, old_value, new_value, created_by, note)
         SELECT v.id, x.field, x.old_value, x.new_value, $6, NULL
           FROM v, jsonb_to_recordset($25::jsonb) AS x(field text, old_value text, new_value text)
       )
       SELECT r.id AS report_id, r.created, v.id AS version_id, v.version_no,
              a.id AS agency_id, a.name, a.full_name, a.kind, a.level, a.province, a.city, a.county
         FROM r, v, a`,
    values: [
      u.source.sha256,
      u.source.fileName,
      u.source.mediaType,
      u.source.bytes.byteLength,
      Buffer.from(u.source.bytes.buffer, u.source.bytes.byteOffset, u.source.bytes.byteLength),
      u.actor,
      key,
      u.agency.name,
      u.agency.fullName,
      u.agency.kind,
      u.agency.level,
      u.region.province,
      u.region.city,
      u.region.county,
      u.region.code ?? null,
      u.year,
      u.format,
      u.parserVersion,
      JSON.stringify(u.parsed),
      u.activeDisclosureTotal === null ? null : Math.round(u.activeDisclosureTotal),
      u.warnings,
      u.checks.filter((c) => !c.ok).length,
      JSON.stringify(valuesRow),
      JSON.stringify(checksJson(u.checks)),
      JSON.stringify(u.corrections.map((c) => ({ field: c.field, old_value: c.oldValue, new_value: c.newValue }))),
    ],
  });
  const row = r.rows[0];
  if (!row) return null;
  return {
    reportId: row.report_id,
    created: row.created,
    versionId: row.version_id,
    versionNo: row.version_no,
    agency: { id: row.agency_id, name: row.name, fullName: row.full_name, kind: row.kind, level: row.level, province: row.province, city: row.city, county: row.county },
  };
}

function checksJson(checks: readonly Check[]) {
  return checks.map((c) => ({
    rule_id: c.ruleId,
    rule: c.rule,
    scope: checkScope(c),
    ok: c.ok,
    left: c.left,
    right: c.right,
    left_keys: c.leftKeys,
    right_keys: c.rightKeys,
  }));
}
