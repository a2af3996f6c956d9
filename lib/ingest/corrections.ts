/**
 * Corrections to a stored report: a new current version (origin "correction") with the effective values,
 * the checks recomputed on them and one correction row per changed field (who, when, old → new). The
 * parser's output is carried over unchanged, so the original reading is never lost.
 */
import type { Pool, PoolClient } from "pg";
import { columnForKey, keysForFormat, type AgencyKind, type AgencyLevel, type ReportFormat, type ReportValues } from "../report/catalog";
import { checkReport } from "../report/relations";
import { getPool } from "../db/client";
import { applyOverrides, type MetadataOverrides, type ValueOverrides } from "./overrides";
import { insertCurrentVersion, upsertAgency } from "./store";
import { inTransaction, Rollback } from "./transaction";

export type CorrectionErrorCode = "not_found" | "invalid_correction" | "report_exists";

export type CorrectReportResult =
  | { ok: true; reportId: number; versionId: number; versionNo: number; corrections: number }
  | { ok: false; error: { code: CorrectionErrorCode; message: string } };

export interface CurrentVersionRow {
  reportId: number;
  year: number;
  versionId: number;
  versionNo: number;
  sourceFileId: number;
  format: ReportFormat;
  parserVersion: string;
  parsed: unknown;
  activeDisclosureTotal: number | null;
  warnings: string[];
  agency: { id: number; name: string; fullName: string | null; kind: AgencyKind; level: AgencyLevel; province: string | null; city: string | null; county: string | null; divisionCode: string | null };
}

/** Locks the report row and reads its current version. */
export async function lockCurrentVersion(client: PoolClient, reportId: number): Promise<CurrentVersionRow | null> {
  const r = await client.query(
    `SELECT r.id AS report_id, r.year, rv.id AS version_id, rv.version_no, rv.source_file_id, rv.format, rv.parser_version,
            rv.parsed, rv.active_disclosure_total, rv.warnings,
            a.id AS agency_id, a.name, a.full_name, a.kind, a.level, a.province, a.city, a.county, a.division_code
       FROM report r
       JOIN report_version rv ON rv.id = r.current_version_id
       JOIN agency a ON a.id = r.agency_id
      WHERE r.id = $1
      FOR UPDATE OF r`,
    [reportId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    reportId: row.report_id,
    year: row.year,
    versionId: row.version_id,
    versionNo: row.version_no,
    sourceFileId: row.source_file_id,
    format: row.format,
    parserVersion: row.parser_version,
    parsed: row.parsed,
    activeDisclosureTotal: row.active_disclosure_total,
    warnings: row.warnings,
    agency: {
      id: row.agency_id,
      name: row.name,
      fullName: row.full_name,
      kind: row.kind,
      level: row.level,
      province: row.province,
      city: row.city,
      county: row.county,
      divisionCode: row.division_code,
    },
  };
}

export async function readVersionValues(db: Pool | PoolClient, versionId: number, format: ReportFormat): Promise<ReportValues> {
  const keys = keysForFormat(format);
  const r = await db.query(`SELECT ${keys.map((k) => `"${columnForKey(k)}"`).join(", ")} FROM report_values WHERE version_id = $1`, [versionId]);
  const row = r.rows[0] ?? {};
  const values: ReportValues = {};
  for (const k of keys) {
    const v = row[columnForKey(k)];
    values[k] = v === null || v === undefined ? null : Number(v);
  }
  return values;
}

export interface CorrectReportInput {
  reportId: number;
  metadataOverrides?: MetadataOverrides;
  valueOverrides?: ValueOverrides;
  actor: string;
  note?: string | null;
  pool?: Pool;
}

export async function correctReport(input: CorrectReportInput): Promise<CorrectReportResult> {
  const pool = input.pool ?? getPool();
  try {
    return await inTransaction(pool, async (client): Promise<CorrectReportResult> => {
      const current = await lockCurrentVersion(client, input.reportId);
      if (!current) throw new Rollback({ ok: false, error: { code: "not_found", message: `报告 ${input.reportId} 不存在 / Report ${input.reportId} does not exist` } });
      const values = await readVersionValues(client, current.versionId, current.format);
      const a = current.agency;
      const applied = applyOverrides(
        {
          format: current.format,
          metadata: {
            year: current.year,
            agency: { name: a.name, fullName: a.fullName, kind: a.kind, level: a.level },
            region: { province: a.province, city: a.city, county: a.county, code: a.divisionCode },
          },
          values,
        },
        input.metadataOverrides,
        input.valueOverrides,
      );
      if (!applied.ok) throw new Rollback(applied);
      if (applied.corrections.length === 0) {
        return { ok: true, reportId: current.reportId, versionId: current.versionId, versionNo: current.versionNo, corrections: 0 };
      }
      const placeChanged = applied.corrections.some((c) => c.field.startsWith("meta."));
      if (placeChanged) {
        const agency = await upsertAgency(client, applied.metadata.agency!, applied.metadata.region);
        const clash = await client.query(`SELECT id FROM report WHERE agency_id = $1 AND year = $2 AND id <> $3`, [agency.id, applied.metadata.year, current.reportId]);
        if (clash.rows[0]) {
          throw new Rollback({
            ok: false,
            error: {
              code: "report_exists",
              message: `${agency.name} ${applied.metadata.year} 年的报告已存在（#${clash.rows[0].id}）/ A report for ${agency.name} ${applied.metadata.year} already exists (#${clash.rows[0].id})`,
            },
          });
        }
        await client.query(`UPDATE report SET agency_id = $2, year = $3, updated_at = now() WHERE id = $1`, [current.reportId, agency.id, applied.metadata.year]);
      }
      const valueChanged = applied.corrections.some((c) => !c.field.startsWith("meta."));
      const checks = valueChanged ? checkReport(current.format, applied.values) : await readChecks(client, current.versionId);
      const version = await insertCurrentVersion(client, current.reportId, {
        sourceFileId: current.sourceFileId,
        origin: "correction",
        format: current.format,
        parserVersion: current.parserVersion,
        parsed: current.parsed,
        activeDisclosureTotal: current.activeDisclosureTotal,
        warnings: current.warnings,
        values: applied.values,
        checks,
        corrections: applied.corrections,
        actor: input.actor,
        reason: input.note ?? null,
        correctionNote: input.note ?? null,
      });
      return { ok: true, reportId: current.reportId, versionId: version.versionId, versionNo: version.versionNo, corrections: applied.corrections.length };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as CorrectReportResult;
    throw e;
  }
}

export async function readChecks(db: Pool | PoolClient, versionId: number) {
  const r = await db.query(
    `SELECT rule_id, rule, scope, ok, "left", "right", left_keys, right_keys FROM check_result WHERE version_id = $1 ORDER BY id`,
    [versionId],
  );
  return r.rows.map((row) => {
    const scopeKey = row.rule_id === "row_total" ? "row" : row.rule_id === "review_total" || row.rule_id === "in_force_across_years" ? "group" : "column";
    return {
      rule: row.rule,
      ruleId: row.rule_id,
      [scopeKey]: row.scope,
      ok: row.ok,
      left: Number(row.left),
      right: Number(row.right),
      leftKeys: row.left_keys,
      rightKeys: row.right_keys,
    } as import("../report/relations").Check;
  });
}
