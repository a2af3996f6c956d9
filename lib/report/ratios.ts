/**
 * The dashboard's metrics and derived ratios, defined once: compare, trends, overview and the CSV all
 * take them from here, so "disclosure rate" means the same number on every page.
 *
 * A metric is either a sum of catalog keys (which keys depends on the report's format — that is how
 * 2019 and 2021 reports are bridged where the spec calls the series comparable) or a ratio of two sums.
 * Ratios of a group are ratios of sums (Σ予以公开+Σ部分公开) / Σ总计, never a mean of per-report ratios,
 * so a small agency does not weigh as much as a large one.
 */
import { CROSS_FORMAT_SERIES, REPORT_FORMATS, type ReportFormat } from "./catalog";

/** numerator / denominator, or null when the denominator is missing or zero (a rate of nothing is unknown, not 0). */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (denominator === 0 || !Number.isFinite(denominator) || !Number.isFinite(numerator)) return null;
  return numerator / denominator;
}

/** A part's share of a total: same rule as ratio. */
export const share = ratio;

/** 公开率 = (予以公开 + 部分公开) / 总计. Missing granted/partial count as 0 once the total is known. */
export function disclosureRate(v: { granted: number | null; partial: number | null; total: number | null }): number | null {
  if (v.total === null) return null;
  return ratio((v.granted ?? 0) + (v.partial ?? 0), v.total);
}

/** 纠错率 = 结果纠正 / 总计 (行政复议, 行政诉讼). */
export function correctionRate(v: { corrected: number | null; total: number | null }): number | null {
  if (v.total === null) return null;
  return ratio(v.corrected ?? 0, v.total);
}

const OUTCOME_ROWS = {
  granted: ["granted"],
  partial: ["partial"],
  denied: [
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.three_safeties",
    "denied.third_party",
    "denied.internal_affairs",
    "denied.process_info",
    "denied.enforcement_files",
    "denied.query_items",
  ],
  unavailable: ["unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear"],
  rejected: ["rejected.petition", "rejected.duplicate", "rejected.publication", "rejected.excessive", "rejected.confirmation"],
} as const;

const totalCol = (rows: readonly string[]) => rows.map((r) => `apps.${r}.total`);

export interface SumMetric {
  id: string;
  kind: "sum";
  labelZh: string;
  labelEn: string;
  unit: "count" | "amount";
  /** The keys summed for a report of each format; a format without an entry does not carry the metric. */
  keys: Partial<Record<ReportFormat, readonly string[]>>;
}

export interface RatioMetric {
  id: string;
  kind: "ratio";
  labelZh: string;
  labelEn: string;
  unit: "ratio";
  /** Metric ids (sums) added up for the numerator. */
  numerator: readonly string[];
  /** Metric id (a sum) of the denominator. */
  denominator: string;
}

export type MetricDef = SumMetric | RatioMetric;

const both = (keys: readonly string[]) => ({ "2019": keys, "2021": keys });

const crossFormat = (key2021: string) => {
  const s = CROSS_FORMAT_SERIES.find((x) => x.key2021 === key2021);
  if (!s) throw new Error(`no cross-format series for ${key2021}`);
  return { "2019": [s.key2019], "2021": [s.key2021] };
};

export const METRICS = [
  { id: "apps_new", kind: "sum", unit: "count", labelZh: "本年新收申请", labelEn: "New applications", keys: both(["apps.new.total"]) },
  { id: "apps_carried_over", kind: "sum", unit: "count", labelZh: "上年结转申请", labelEn: "Carried over", keys: both(["apps.carried_over.total"]) },
  { id: "apps_total", kind: "sum", unit: "count", labelZh: "办理总计", labelEn: "Applications handled", keys: both(["apps.total.total"]) },
  { id: "apps_carried_forward", kind: "sum", unit: "count", labelZh: "结转下年度", labelEn: "Carried forward", keys: both(["apps.carried_forward.total"]) },
  { id: "granted", kind: "sum", unit: "count", labelZh: "予以公开", labelEn: "Granted", keys: both(totalCol(OUTCOME_ROWS.granted)) },
  { id: "partial", kind: "sum", unit: "count", labelZh: "部分公开", labelEn: "Partly granted", keys: both(totalCol(OUTCOME_ROWS.partial)) },
  { id: "denied", kind: "sum", unit: "count", labelZh: "不予公开", labelEn: "Denied", keys: both(totalCol(OUTCOME_ROWS.denied)) },
  { id: "unavailable", kind: "sum", unit: "count", labelZh: "无法提供", labelEn: "Unavailable", keys: both(totalCol(OUTCOME_ROWS.unavailable)) },
  { id: "rejected", kind: "sum", unit: "count", labelZh: "不予处理", labelEn: "Not processed", keys: both(totalCol(OUTCOME_ROWS.rejected)) },
  {
    id: "other_handling",
    kind: "sum",
    unit: "count",
    labelZh: "其他处理",
    labelEn: "Other handling",
    // 2019 prints one row, 2021 splits it in three: the sums are the same quantity.
    keys: { "2019": ["apps.other.combined.total"], "2021": totalCol(["other.no_correction", "other.no_fee", "other.misc"]) },
  },
  { id: "licensing", kind: "sum", unit: "count", labelZh: "行政许可处理决定", labelEn: "Licensing decisions", keys: crossFormat("active.licensing") },
  { id: "penalty", kind: "sum", unit: "count", labelZh: "行政处罚处理决定", labelEn: "Penalty decisions", keys: crossFormat("active.penalty") },
  { id: "enforcement", kind: "sum", unit: "count", labelZh: "行政强制处理决定", labelEn: "Enforcement decisions", keys: crossFormat("active.enforcement") },
  { id: "rules_issued", kind: "sum", unit: "count", labelZh: "规章·本年制发", labelEn: "Rules issued", keys: { "2021": ["active.rules.issued"] } },
  { id: "rules_in_force", kind: "sum", unit: "count", labelZh: "规章·现行有效", labelEn: "Rules in force", keys: { "2021": ["active.rules.in_force"] } },
  { id: "normative_issued", kind: "sum", unit: "count", labelZh: "行政规范性文件·本年制发", labelEn: "Normative documents issued", keys: { "2021": ["active.normative.issued"] } },
  { id: "normative_in_force", kind: "sum", unit: "count", labelZh: "行政规范性文件·现行有效", labelEn: "Normative documents in force", keys: { "2021": ["active.normative.in_force"] } },
  { id: "fees", kind: "sum", unit: "amount", labelZh: "行政事业性收费（万元）", labelEn: "Administrative fees (10k CNY)", keys: { "2021": ["active.fees"] } },
  { id: "review_total", kind: "sum", unit: "count", labelZh: "行政复议·总计", labelEn: "Reconsiderations", keys: both(["review.total"]) },
  { id: "review_corrected", kind: "sum", unit: "count", labelZh: "行政复议·结果纠正", labelEn: "Reconsiderations corrected", keys: both(["review.corrected"]) },
  {
    id: "litigation_total",
    kind: "sum",
    unit: "count",
    labelZh: "行政诉讼·总计",
    labelEn: "Lawsuits",
    keys: both(["litigation.direct.total", "litigation.after_review.total"]),
  },
  {
    id: "litigation_corrected",
    kind: "sum",
    unit: "count",
    labelZh: "行政诉讼·结果纠正",
    labelEn: "Lawsuits corrected",
    keys: both(["litigation.direct.corrected", "litigation.after_review.corrected"]),
  },
  { id: "disclosure_rate", kind: "ratio", unit: "ratio", labelZh: "公开率", labelEn: "Disclosure rate", numerator: ["granted", "partial"], denominator: "apps_total" },
  {
    id: "review_correction_rate",
    kind: "ratio",
    unit: "ratio",
    labelZh: "行政复议纠错率",
    labelEn: "Reconsideration correction rate",
    numerator: ["review_corrected"],
    denominator: "review_total",
  },
  {
    id: "litigation_correction_rate",
    kind: "ratio",
    unit: "ratio",
    labelZh: "行政诉讼纠错率",
    labelEn: "Litigation correction rate",
    numerator: ["litigation_corrected"],
    denominator: "litigation_total",
  },
] as const satisfies readonly MetricDef[];

export type MetricId = (typeof METRICS)[number]["id"];
export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);
export const METRIC_BY_ID: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.id, m as MetricDef]));

export function getMetric(id: MetricId): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`unknown metric ${id}`);
  return m;
}

/** The sum metrics a metric is built from (itself for a sum). */
export function baseSums(metric: MetricDef): SumMetric[] {
  if (metric.kind === "sum") return [metric];
  const ids = [...new Set([...metric.numerator, metric.denominator])];
  return ids.map((id) => {
    const m = METRIC_BY_ID.get(id);
    if (!m || m.kind !== "sum") throw new Error(`ratio ${metric.id} refers to ${id}, not a sum metric`);
    return m;
  });
}

/** Formats whose reports carry the metric (all its base sums). */
export function formatsOf(metric: MetricDef): ReportFormat[] {
  const sums = baseSums(metric);
  return REPORT_FORMATS.filter((f) => sums.every((s) => s.keys[f] !== undefined));
}

/**
 * True when the metric reads different keys in the two formats (a bridged series, e.g. 2019's
 * active.penalty.decisions ↔ 2021's active.penalty): comparable by the spec, but worth a note on a chart.
 */
export function isBridged(metric: MetricDef): boolean {
  return baseSums(metric).some((s) => {
    const a = s.keys["2019"];
    const b = s.keys["2021"];
    return a !== undefined && b !== undefined && a.join() !== b.join();
  });
}

/** The value of a metric from the sums of its base metrics (null sums = not reported). */
export function metricValue(metric: MetricDef, sums: Readonly<Record<string, number | null>>): number | null {
  if (metric.kind === "sum") return sums[metric.id] ?? null;
  const den = sums[metric.denominator] ?? null;
  if (den === null) return null;
  let num = 0;
  for (const id of metric.numerator) num += sums[id] ?? 0;
  return ratio(num, den);
}
