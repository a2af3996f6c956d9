/**
 * The one scan behind the compare page: every sum the four compare views need (applications,
 * outcomes, section 二, section 四), for the filtered reports of one year, grouped by agency or region —
 * one pass over the rows instead of four. The grand total is added up from the groups (sums are
 * additive; a total is blank only when every group is), so no second pass either.
 *
 * The four views call getCompareScan with the same filters at the same moment (the page runs them in
 * parallel): concurrent calls share one in-flight query, and nothing is kept once it has answered, so
 * there is no stale cache.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_GROUPS, REVIEW_RESULTS } from "../report/catalog";
import { getMetric, type SumMetric } from "../report/ratios";
import type { ReportFilters } from "../filters/report-filters";
import { CURRENT_REPORTS_FROM, type Db, type GroupInfo, Params, filterConditions, groupColumns, readGroup, resolveDb, resolveYear, sumMetricExpr, col, zhCollator } from "./sql";

/**
 * A group's figures, one slot per scan item in ITEMS order (read them with `slot(alias)`, resolved once
 * per module): a plain array, because keyed objects of a hundred properties per group were the costliest
 * part of the page's server time on thousands of agencies.
 */
export type ScanRow = ReadonlyArray<number | null>;

export interface CompareScan {
  year: number | null;
  groupBy: ReportFilters["groupBy"];
  /** `order`: the group's position by name (pinyin), worked out once for the four views' tie-breaks. */
  groups: Array<{ group: GroupInfo; sums: ScanRow; order: number }>;
  total: { group: GroupInfo; sums: ScanRow };
}

export const TOTAL_GROUP: Omit<GroupInfo, "reports"> = {
  key: "total",
  label: "合计",
  agencyId: null,
  province: null,
  city: null,
  county: null,
  ownLevel: false,
};

// ── The sums, by alias (lower-case: Postgres folds unquoted names) ────────────

const APPLICANTS = APPLICANT_COLUMNS.map((c) => c.key);
export const OUTCOME_METRIC = { granted: "granted", partial: "partial", denied: "denied", unavailable: "unavailable", rejected: "rejected", other: "other_handling" } as const;
export const REASON_ROWS: readonly string[] = APPLICATION_ROWS.filter((r) => r.outcome !== null && r.outcome !== "granted" && r.outcome !== "partial").map((r) => r.key);
export const BRIDGED_ACTIVE = ["licensing", "penalty", "enforcement"] as const;
export const ACTIVE_2021_KEYS = {
  rulesIssued: "active.rules.issued",
  rulesRepealed: "active.rules.repealed",
  rulesInForce: "active.rules.in_force",
  normativeIssued: "active.normative.issued",
  normativeRepealed: "active.normative.repealed",
  normativeInForce: "active.normative.in_force",
  fees: "active.fees",
} as const;
export const ACTIVE_2019_KEYS = {
  rulesMade: "active.rules.made",
  rulesPublished: "active.rules.published",
  rulesTotal: "active.rules.total",
  normativeMade: "active.normative.made",
  normativePublished: "active.normative.published",
  normativeTotal: "active.normative.total",
  otherServicesDecisions: "active.other_services.decisions",
  procurementItems: "active.procurement.items",
  procurementAmount: "active.procurement.amount",
} as const;
export const REVIEW_ALIAS: Record<string, string> = { review: "rv", "litigation.direct": "ld", "litigation.after_review": "la" };
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Alias helpers, shared with the views that read the scan. */
export const alias = {
  newApps: (applicant: string) => `new_${applicant}`,
  carriedOver: (applicant: string) => `co_${applicant}`,
  handledTotal: "handled_total",
  outcome: (group: string) => `out_${group}`,
  reason: (i: number) => `reason_${i}`,
  bridged: (m: string) => `br_${m}`,
  active2021: (name: string) => `a21_${snake(name)}`,
  active2019: (name: string) => `a19_${snake(name)}`,
  reports2019: "reports_2019",
  reports2021: "reports_2021",
  review: (group: string, result: string) => `${REVIEW_ALIAS[group]}_${result}`,
};

/** One figure of the scan: a value per report (expr, optionally only where `filter` holds) or a count of reports. */
interface ScanItem {
  alias: string;
  expr?: string;
  filter?: string;
}

function items(): ScanItem[] {
  const s: ScanItem[] = [];
  for (const k of APPLICANTS) {
    s.push({ alias: alias.newApps(k), expr: col(`apps.new.${k}`) });
    s.push({ alias: alias.carriedOver(k), expr: col(`apps.carried_over.${k}`) });
  }
  s.push({ alias: alias.handledTotal, expr: col("apps.total.total") });
  for (const [group, metric] of Object.entries(OUTCOME_METRIC)) s.push({ alias: alias.outcome(group), expr: sumMetricExpr(getMetric(metric) as SumMetric) });
  REASON_ROWS.forEach((r, i) => s.push({ alias: alias.reason(i), expr: col(`apps.${r}.total`) }));
  for (const m of BRIDGED_ACTIVE) s.push({ alias: alias.bridged(m), expr: sumMetricExpr(getMetric(m) as SumMetric) });
  for (const [name, key] of Object.entries(ACTIVE_2021_KEYS)) s.push({ alias: alias.active2021(name), expr: col(key), filter: "v.format = '2021'" });
  for (const [name, key] of Object.entries(ACTIVE_2019_KEYS)) s.push({ alias: alias.active2019(name), expr: col(key), filter: "v.format = '2019'" });
  s.push({ alias: alias.reports2019, filter: "v.format = '2019'" });
  s.push({ alias: alias.reports2021, filter: "v.format = '2021'" });
  for (const g of REVIEW_GROUPS) for (const r of REVIEW_RESULTS) s.push({ alias: alias.review(g.key, r.key), expr: col(`${g.key}.${r.key}`) });
  return s;
}

const ITEMS = items();

/** Summed over a group of reports. */
const SUMS_SQL = ITEMS.map((i) =>
  i.expr === undefined
    ? `COUNT(*) FILTER (WHERE ${i.filter}) AS ${i.alias}`
    : `SUM(${i.expr})${i.filter ? ` FILTER (WHERE ${i.filter})` : ""} AS ${i.alias}`,
).join(",\n  ");

/**
 * The same figures for one report, unsummed: grouping by agency within one year is one report per group
 * (report is unique on agency+year), so the agency view skips the aggregation altogether.
 */
const PER_REPORT_SQL = ITEMS.map((i) =>
  i.expr === undefined ? `(${i.filter})::int AS ${i.alias}` : `${i.filter ? `CASE WHEN ${i.filter} THEN ${i.expr} END` : i.expr} AS ${i.alias}`,
).join(",\n  ");

/** The aliases, in order. */
const SUM_ALIASES: string[] = ITEMS.map((i) => i.alias);
const SLOT_OF = new Map(SUM_ALIASES.map((a, i) => [a, i]));

/** Where an alias's figure sits in a ScanRow. Throws on an alias the scan does not have (a programming error). */
export function slot(aliasName: string): number {
  const i = SLOT_OF.get(aliasName);
  if (i === undefined) throw new Error(`compare scan has no figure "${aliasName}"`);
  return i;
}


// ── The scan ─────────────────────────────────────────────────────────────────

async function scan(filters: ReportFilters, db: Db): Promise<CompareScan> {
  const year = await resolveYear(db, filters);
  const params = new Params();
  const where = filterConditions({ ...filters, year: year ?? -1, from: undefined, to: undefined }, params);
  const g = groupColumns(filters.groupBy);
  const sql =
    filters.groupBy === "agency"
      ? `SELECT ${g.select}, 1 AS reports,\n  ${PER_REPORT_SQL}\nFROM ${CURRENT_REPORTS_FROM}\nWHERE ${where}`
      : `SELECT ${g.select}, COUNT(*) AS reports,\n  ${SUMS_SQL}\nFROM ${CURRENT_REPORTS_FROM}\nWHERE ${where}\nGROUP BY ${g.groupBy}`;
  const { rows } = await db.query(sql, params.values);
  const width = SUM_ALIASES.length;
  const total: Array<number | null> = new Array<number | null>(width).fill(null);
  let reports = 0;
  const groups = (rows as Record<string, unknown>[]).map((row) => {
    const group = readGroup(row, filters.groupBy);
    reports += group.reports;
    const s = new Array<number | null>(width);
    for (let i = 0; i < width; i++) {
      const v = row[SUM_ALIASES[i]];
      // float8 sums arrive as numbers; counts (bigint) as strings.
      const n = v === null || v === undefined ? null : typeof v === "number" ? v : Number(v);
      s[i] = n;
      if (n !== null) total[i] = (total[i] ?? 0) + n;
    }
    return { group, sums: s as ScanRow, order: 0 };
  });
  const byName = groups.map((g, i) => i).sort((a, b) => zhCollator.compare(groups[a].group.label, groups[b].group.label));
  byName.forEach((groupIndex, position) => (groups[groupIndex].order = position));
  return { year, groupBy: filters.groupBy, groups, total: { group: { ...TOTAL_GROUP, reports }, sums: total } };
}

const inFlight = new WeakMap<Db, Map<string, Promise<CompareScan>>>();

/** The compare scan for the filters' year (coalesced with identical concurrent calls). */
export async function getCompareScan(filters: ReportFilters, dbArg?: Db): Promise<CompareScan> {
  const db = await resolveDb(dbArg);
  const key = JSON.stringify([filters.year, filters.from, filters.to, filters.province, filters.city, filters.county, filters.kind, filters.level, filters.q, filters.agency, filters.groupBy]);
  let pending = inFlight.get(db);
  if (!pending) {
    pending = new Map();
    inFlight.set(db, pending);
  }
  const existing = pending.get(key);
  if (existing) return existing;
  const promise = scan(filters, db).finally(() => pending!.delete(key));
  pending.set(key, promise);
  return promise;
}
