/**
 * The 勾稽 relations of shared/spec/report-format.md. A broken relation is a finding
 * about the report: it is reported with both sides and never "fixed".
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_GROUPS,
  type ReportFormat,
  type ReportValues,
} from "./catalog";

export type RuleId = "balance" | "outcomes" | "row_total" | "review_total" | "carry_across_years" | "in_force_across_years";

export const RULES: Record<RuleId, { text: string; labelZh: string; labelEn: string }> = {
  balance: {
    text: "new + carried_over = total + carried_forward",
    labelZh: "本年新收 + 上年结转 = 办理总计 + 结转下年度",
    labelEn: "New + carried over = total handled + carried forward",
  },
  outcomes: {
    text: "outcomes sum to total",
    labelZh: "各项办理结果之和 = （七）总计",
    labelEn: "Outcome rows add up to the total",
  },
  row_total: {
    text: "applicant columns sum to total",
    labelZh: "各类申请人之和 = 总计列",
    labelEn: "Applicant columns add up to the total column",
  },
  review_total: {
    text: "upheld + corrected + other + pending = total",
    labelZh: "维持 + 纠正 + 其他 + 尚未审结 = 总计",
    labelEn: "Upheld + corrected + other + pending = total",
  },
  carry_across_years: {
    text: "last year's carried_forward = this year's carried_over",
    labelZh: "上年结转下年度 = 本年上年结转",
    labelEn: "Last year's carried forward = this year's carried over",
  },
  in_force_across_years: {
    text: "in_force(N) = in_force(N-1) + issued(N) - repealed(N)",
    labelZh: "现行有效(N) = 现行有效(N-1) + 本年制发 - 本年废止",
    labelEn: "In force = last year's in force + issued - repealed",
  },
};

export interface Check {
  rule: string;
  ruleId: RuleId;
  /** Applicant column (rules balance, outcomes, carry_across_years). */
  column?: string;
  /** Application row (rule row_total). */
  row?: string;
  /** Review/litigation group (rule review_total) or 规章/规范性文件 (in_force_across_years). */
  group?: string;
  ok: boolean;
  left: number;
  right: number;
  /** The keys summed on each side, so a page can highlight the cells involved. */
  leftKeys: string[];
  rightKeys: string[];
}

const EPS = 1e-6;

/**
 * A side whose every cell is blank cannot be checked: the agency printed nothing there
 * (e.g. a 总计 column left empty). Blank cells beside printed ones count as zero.
 */
function side(values: ReportValues, keys: string[]): number | null {
  let any = false;
  let sum = 0;
  for (const k of keys) {
    const v = values[k];
    if (v === null || v === undefined) continue;
    any = true;
    sum += v;
  }
  return any ? sum : null;
}

function relation(
  values: ReportValues,
  ruleId: RuleId,
  leftKeys: string[],
  rightKeys: string[],
  where: Pick<Check, "column" | "row" | "group">,
): Check | null {
  const left = side(values, leftKeys);
  const right = side(values, rightKeys);
  if (left === null || right === null) return null;
  return {
    rule: RULES[ruleId].text,
    ruleId,
    ...where,
    ok: Math.abs(left - right) <= EPS * Math.max(1, Math.abs(right)),
    left: round(left),
    right: round(right),
    leftKeys,
    rightKeys,
  };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Relations 1–4 of the spec, per column and per group, for one report. */
export function checkReport(format: ReportFormat, values: ReportValues): Check[] {
  const checks: Check[] = [];
  const rows = APPLICATION_ROWS.filter((r) => r.formats.includes(format));
  const outcomeRows = rows.filter((r) => r.outcome !== null);
  const push = (c: Check | null) => c && checks.push(c);

  for (const col of APPLICANT_COLUMNS) {
    const k = (row: string) => `apps.${row}.${col.key}`;
    push(relation(values, "balance", [k("new"), k("carried_over")], [k("total"), k("carried_forward")], { column: col.key }));
  }
  for (const col of APPLICANT_COLUMNS) {
    push(
      relation(
        values,
        "outcomes",
        outcomeRows.map((r) => `apps.${r.key}.${col.key}`),
        [`apps.total.${col.key}`],
        { column: col.key },
      ),
    );
  }
  for (const row of rows) {
    push(
      relation(
        values,
        "row_total",
        APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => `apps.${row.key}.${c.key}`),
        [`apps.${row.key}.total`],
        { row: row.key },
      ),
    );
  }
  for (const g of REVIEW_GROUPS) {
    push(
      relation(
        values,
        "review_total",
        ["upheld", "corrected", "other", "pending"].map((r) => `${g.key}.${r}`),
        [`${g.key}.total`],
        { group: g.key },
      ),
    );
  }
  return checks;
}

export interface YearReport {
  year: number;
  format: ReportFormat;
  values: ReportValues;
}

/**
 * Relation 5: between consecutive years of one body. Keys are prefixed `prev:` on the
 * left side so a page can tell which report each cell belongs to.
 */
export function checkAcrossYears(prev: YearReport, cur: YearReport): Check[] {
  if (cur.year !== prev.year + 1) return [];
  const merged: ReportValues = { ...cur.values };
  for (const [k, v] of Object.entries(prev.values)) merged[`prev:${k}`] = v;
  const checks: Check[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const c = relation(merged, "carry_across_years", [`prev:apps.carried_forward.${col.key}`], [`apps.carried_over.${col.key}`], {
      column: col.key,
    });
    if (c) checks.push(c);
  }
  if (prev.format === "2021" && cur.format === "2021") {
    for (const g of ["rules", "normative"]) {
      const left = [`prev:active.${g}.in_force`, `active.${g}.issued`];
      const repealed = merged[`active.${g}.repealed`];
      const right = merged[`active.${g}.in_force`];
      const l = side(merged, left);
      if (l === null || right === null || right === undefined) continue;
      const leftValue = l - (repealed ?? 0);
      checks.push({
        rule: RULES.in_force_across_years.text,
        ruleId: "in_force_across_years",
        group: g,
        ok: Math.abs(leftValue - right) <= EPS,
        left: round(leftValue),
        right: round(right),
        leftKeys: [...left, `active.${g}.repealed`],
        rightKeys: [`active.${g}.in_force`],
      });
    }
  }
  return checks;
}
