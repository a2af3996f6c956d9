/**
 * The SQL that writes one reading of a report. Every function runs inside the caller's transaction; row locks
 * are taken in one order (source file → agency → report) so concurrent writers queue instead of deadlocking,
 * and the unique keys (sha256, identity_key, agency_id+year, report_id+version_no) make a lost race a conflict
 * the transaction is retried on, never a duplicate row.
 */
import type { PoolClient } from "pg";
import { columnForKey, keysForFormat, type ReportFormat, type ReportValues } from "../report/catalog";
import type { Check } from "../report/relations";
import type { ParsedAgency, ParsedRegion } from "../parse/types";
import { agencyIdentityKey } from "./agency-identity";
import type { CorrectionEntry } from "./overrides";

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
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO source_file (sha256, file_name, media_type, byte_size, content, uploaded_by, parse_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (sha256) DO NOTHING
     RETURNING id`,
    [f.sha256, f.fileName, f.mediaType, f.bytes.byteLength, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), f.actor, f.parseError === null ? null : JSON.stringify(f.parseError)],
  );
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
     ON CONFLICT (identity_key) DO UPDATE SET
       updated_at = now(),
       full_name = COALESCE(agency.full_name, EXCLUDED.full_name),
       division_code = COALESCE(agency.division_code, EXCLUDED.division_code),
       aliases = CASE
         WHEN EXCLUDED.full_name IS NOT NULL AND EXCLUDED.full_name IS DISTINCT FROM agency.full_name
              AND NOT (EXCLUDED.full_name = ANY (agency.aliases))
         THEN array_append(agency.aliases, EXCLUDED.full_name)
         ELSE agency.aliases END
     RETURNING id, name, full_name AS "fullName", kind, level, province, city, county`,
    [key, agency.name, agency.fullName, agency.kind, agency.level, region.province, region.city, region.county, region.code ?? null],
  );
  return r.rows[0]!;
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

const VALUE_SQL = new Map<ReportFormat, string>();

function valuesInsertSql(format: ReportFormat): string {
  let sql = VALUE_SQL.get(format);
  if (!sql) {
    const keys = keysForFormat(format);
    const cols = keys.map((k) => `"${columnForKey(k)}"`).join(", ");
    const params = keys.map((_, i) => `$${i + 2}`).join(", ");
    sql = `INSERT INTO report_values (version_id, ${cols}) VALUES ($1, ${params})`;
    VALUE_SQL.set(format, sql);
  }
  return sql;
}

export function checkScope(c: Check): string {
  return c.column ?? c.row ?? c.group ?? "";
}

/** Adds a version to a report (locked by upsertReport or FOR UPDATE) and makes it the current one. */
export async function insertCurrentVersion(client: PoolClient, reportId: number, v: VersionInput): Promise<{ versionId: number; versionNo: number }> {
  const next = await client.query<{ n: number }>(
    `SELECT COALESCE(MAX(version_no), 0) + 1 AS n FROM report_version WHERE report_id = $1`,
    [reportId],
  );
  const versionNo = Number(next.rows[0]!.n);
  await client.query(`UPDATE report_version SET is_current = false WHERE report_id = $1 AND is_current`, [reportId]);
  const failed = v.checks.filter((c) => !c.ok).length;
  const ins = await client.query<{ id: number }>(
    `INSERT INTO report_version (report_id, version_no, is_current, source_file_id, origin, format, parser_version,
                                 parsed, active_disclosure_total, warnings, failed_check_count, created_by, reason)
     VALUES ($1, $2, true, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id`,
    [
      reportId,
      versionNo,
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
  );
  const versionId = ins.rows[0]!.id;

  const keys = keysForFormat(v.format);
  await client.query(valuesInsertSql(v.format), [versionId, ...keys.map((k) => v.values[k] ?? null)]);

  if (v.checks.length > 0) {
    const params: unknown[] = [versionId];
    const rows = v.checks.map((c) => {
      const base = params.length;
      params.push(c.ruleId, c.rule, checkScope(c), c.ok, c.left, c.right, c.leftKeys, c.rightKeys);
      return `($1, ${Array.from({ length: 8 }, (_, i) => `$${base + i + 1}`).join(", ")})`;
    });
    await client.query(
      `INSERT INTO check_result (version_id, rule_id, rule, scope, ok, "left", "right", left_keys, right_keys) VALUES ${rows.join(", ")}`,
      params,
    );
  }

  if (v.corrections.length > 0) {
    const params: unknown[] = [versionId, v.actor, v.correctionNote ?? null];
    const rows = v.corrections.map((c) => {
      const base = params.length;
      params.push(c.field, c.oldValue, c.newValue);
      return `($1, $${base + 1}, $${base + 2}, $${base + 3}, $2, $3)`;
    });
    await client.query(
      `INSERT INTO correction (version_id, field, old_value, new_value, created_by, note) VALUES ${rows.join(", ")}`,
      params,
    );
  }

  await client.query(`UPDATE report SET current_version_id = $2, updated_at = now() WHERE id = $1`, [reportId, versionId]);
  return { versionId, versionNo };
}
