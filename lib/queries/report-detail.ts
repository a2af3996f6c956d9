/**
 * One report for /reports/[id]: the current version's values, checks (with both sides), warnings and
 * corrections; the version history with the values that changed between consecutive versions; the
 * relations across years with the agency's previous and next reports; the original file.
 */
import { FIELDS, FIELD_BY_KEY, keysForFormat, type AgencyKind, type AgencyLevel, type ReportFormat, type ReportValues } from "../report/catalog";
import { type Check, type RuleId, RULES, checkAcrossYears } from "../report/relations";
import { type Db, int, iso, num, resolveDb } from "./sql";

export interface AgencySummary {
  id: number;
  name: string;
  fullName: string | null;
  kind: AgencyKind;
  level: AgencyLevel;
  province: string | null;
  city: string | null;
  county: string | null;
  divisionCode: string | null;
}

export interface CorrectionRow {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  createdAt: string;
  createdBy: string;
  note: string | null;
}

export interface SourceFileRef {
  id: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
}

export interface ValueChange {
  key: string;
  labelZh: string;
  labelEn: string;
  before: number | null;
  after: number | null;
}

export interface VersionSummary {
  id: number;
  versionNo: number;
  isCurrent: boolean;
  /** upload | reparse | correction */
  origin: string;
  format: ReportFormat;
  parserVersion: string;
  createdAt: string;
  createdBy: string;
  reason: string | null;
  failedCheckCount: number;
  sourceFile: SourceFileRef;
  /** Values that differ from the previous version (empty for version 1). */
  changes: ValueChange[];
  /** The previous version had another format. */
  formatChanged: boolean;
  /** Reviewer corrections recorded with this version. */
  corrections: CorrectionRow[];
}

export interface CurrentVersion extends VersionSummary {
  /** Every key of the version's format (null = blank). */
  values: ReportValues;
  /** The relations of this report (shape of lib/report/relations Check, so ReportTables can highlight both sides). */
  checks: Check[];
  warnings: string[];
  activeDisclosureTotal: number | null;
}

export interface NeighbourReport {
  reportId: number;
  year: number;
  format: ReportFormat;
}

export interface ReportDetail {
  report: { id: number; year: number; createdAt: string; updatedAt: string };
  agency: AgencySummary;
  current: CurrentVersion;
  /** Newest first. */
  versions: VersionSummary[];
  /** The agency's reports of year − 1 and year + 1, when present. */
  previous: NeighbourReport | null;
  next: NeighbourReport | null;
  /**
   * Relation 5 (carry-over, in-force) between the previous year's report and this one, then between this
   * one and the next year's: keys of the earlier report are prefixed "prev:".
   */
  acrossYears: Array<Check & { fromYear: number; toYear: number }>;
  sourceFile: SourceFileRef;
}

const SCOPE_FIELD: Partial<Record<RuleId, "column" | "row" | "group">> = {
  balance: "column",
  outcomes: "column",
  carry_across_years: "column",
  row_total: "row",
  review_total: "group",
  in_force_across_years: "group",
};

export function checkFromRow(r: Record<string, unknown>): Check {
  const ruleId = String(r.rule_id) as RuleId;
  const check: Check = {
    rule: String(r.rule ?? RULES[ruleId]?.text ?? ruleId),
    ruleId,
    ok: Boolean(r.ok),
    left: Number(r.left),
    right: Number(r.right),
    leftKeys: (r.left_keys as string[]) ?? [],
    rightKeys: (r.right_keys as string[]) ?? [],
  };
  const scope = r.scope === null || r.scope === undefined ? "" : String(r.scope);
  const field = SCOPE_FIELD[ruleId];
  if (scope !== "" && field) check[field] = scope;
  return check;
}

function readValues(row: Record<string, unknown> | undefined, format: ReportFormat): ReportValues {
  const values: ReportValues = {};
  for (const key of keysForFormat(format)) values[key] = row ? num(row[FIELD_BY_KEY.get(key)!.column]) : null;
  return values;
}

export async function getReportDetail(id: number, db?: Db): Promise<ReportDetail | null> {
  const pool = await resolveDb(db);
  const head = await pool.query(
    `SELECT r.id, r.year, r.created_at, r.updated_at, r.current_version_id,
       a.id AS agency_id, a.name, a.full_name, a.kind, a.level, a.province, a.city, a.county, a.division_code
     FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.id = $1`,
    [id],
  );
  const h = head.rows[0];
  if (!h || h.current_version_id === null) return null;
  const currentVersionId = int(h.current_version_id);

  const valueCols = FIELDS.map((f) => `rv."${f.column}"`).join(", ");
  const [versionsRes, checksRes, correctionsRes, neighboursRes] = await Promise.all([
    pool.query(
      `SELECT v.id, v.version_no, v.is_current, v.origin, v.format, v.parser_version, v.created_at, v.created_by, v.reason,
         v.failed_check_count, v.warnings, v.active_disclosure_total,
         sf.id AS sf_id, sf.file_name, sf.media_type, sf.byte_size, ${valueCols}
       FROM report_version v JOIN source_file sf ON sf.id = v.source_file_id
       LEFT JOIN report_values rv ON rv.version_id = v.id
       WHERE v.report_id = $1 ORDER BY v.version_no`,
      [id],
    ),
    pool.query(`SELECT rule_id, rule, scope, ok, "left", "right", left_keys, right_keys FROM check_result WHERE version_id = $1 ORDER BY id`, [currentVersionId]),
    pool.query(
      `SELECT c.version_id, c.field, c.old_value, c.new_value, c.created_at, c.created_by, c.note
       FROM correction c JOIN report_version v ON v.id = c.version_id WHERE v.report_id = $1 ORDER BY c.id`,
      [id],
    ),
    pool.query(
      `SELECT r.id, r.year, v.format, ${valueCols}
       FROM report r JOIN report_version v ON v.id = r.current_version_id JOIN report_values rv ON rv.version_id = v.id
       WHERE r.agency_id = $1 AND r.year IN ($2 - 1, $2 + 1)`,
      [int(h.agency_id), int(h.year)],
    ),
  ]);

  const correctionsByVersion = new Map<number, CorrectionRow[]>();
  for (const c of correctionsRes.rows) {
    const list = correctionsByVersion.get(int(c.version_id)) ?? [];
    list.push({
      field: String(c.field),
      oldValue: c.old_value ?? null,
      newValue: c.new_value ?? null,
      createdAt: iso(c.created_at),
      createdBy: String(c.created_by),
      note: c.note ?? null,
    });
    correctionsByVersion.set(int(c.version_id), list);
  }

  let prevRow: Record<string, unknown> | null = null;
  const summaries: Array<VersionSummary & { row: Record<string, unknown> }> = [];
  for (const row of versionsRes.rows as Record<string, unknown>[]) {
    const format = row.format as ReportFormat;
    const changes: ValueChange[] = [];
    if (prevRow) {
      for (const f of FIELDS) {
        const before = num(prevRow[f.column]);
        const after = num(row[f.column]);
        if (before !== after) changes.push({ key: f.key, labelZh: f.labelZh, labelEn: f.labelEn, before, after });
      }
    }
    summaries.push({
      id: int(row.id),
      versionNo: int(row.version_no),
      isCurrent: int(row.id) === currentVersionId,
      origin: String(row.origin),
      format,
      parserVersion: String(row.parser_version),
      createdAt: iso(row.created_at),
      createdBy: String(row.created_by),
      reason: (row.reason as string | null) ?? null,
      failedCheckCount: int(row.failed_check_count),
      sourceFile: { id: int(row.sf_id), fileName: String(row.file_name), mediaType: String(row.media_type), byteSize: int(row.byte_size) },
      changes,
      formatChanged: prevRow !== null && prevRow.format !== row.format,
      corrections: correctionsByVersion.get(int(row.id)) ?? [],
      row,
    });
    prevRow = row;
  }
  const cur = summaries.find((s) => s.id === currentVersionId);
  if (!cur) return null;
  const { row: curRow, ...curSummary } = cur;
  const values = readValues(curRow, cur.format);
  const checks = checksRes.rows.map(checkFromRow);

  const year = int(h.year);
  let previous: NeighbourReport | null = null;
  let next: NeighbourReport | null = null;
  const acrossYears: ReportDetail["acrossYears"] = [];
  const storedAcross = new Set(checks.filter((c) => c.ruleId === "carry_across_years" || c.ruleId === "in_force_across_years").map((c) => c.ruleId));
  for (const n of neighboursRes.rows as Record<string, unknown>[]) {
    const ref: NeighbourReport = { reportId: int(n.id), year: int(n.year), format: n.format as ReportFormat };
    const theirs = { year: ref.year, format: ref.format, values: readValues(n, ref.format) };
    const ours = { year, format: cur.format, values };
    if (ref.year === year - 1) {
      previous = ref;
      // Stored across-year checks of this version already cover the previous year.
      if (storedAcross.size === 0) for (const c of checkAcrossYears(theirs, ours)) acrossYears.push({ ...c, fromYear: ref.year, toYear: year });
    } else {
      next = ref;
      for (const c of checkAcrossYears(ours, theirs)) acrossYears.push({ ...c, fromYear: year, toYear: ref.year });
    }
  }
  acrossYears.sort((a, b) => a.fromYear - b.fromYear);

  return {
    report: { id: int(h.id), year, createdAt: iso(h.created_at), updatedAt: iso(h.updated_at) },
    agency: {
      id: int(h.agency_id),
      name: String(h.name),
      fullName: h.full_name ?? null,
      kind: h.kind,
      level: h.level,
      province: h.province ?? null,
      city: h.city ?? null,
      county: h.county ?? null,
      divisionCode: h.division_code ?? null,
    },
    current: {
      ...curSummary,
      values,
      checks,
      warnings: (curRow.warnings as string[]) ?? [],
      activeDisclosureTotal: num(curRow.active_disclosure_total),
    },
    versions: summaries.map(({ row: _row, ...s }) => s).reverse(),
    previous,
    next,
    acrossYears,
    sourceFile: cur.sourceFile,
  };
}
