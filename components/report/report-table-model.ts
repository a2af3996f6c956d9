/**
 * The pure half of <ReportTables>: how the three standard tables (二/三/四) are laid out for
 * each format, which cells a broken 勾稽 relation touches, and how a broken relation reads.
 * Every label comes from lib/report/catalog.ts; only the template's own headings
 * (第二十条第（一）项, 申请人情况 …) that the catalog does not carry live here.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  FIELD_BY_KEY,
  REVIEW_GROUPS,
  REVIEW_RESULTS,
  type FieldDef,
  type ReportFormat,
} from "../../lib/report/catalog";
import { RULES, type RuleId } from "../../lib/report/relations";

export type Lang = "zh" | "en";

/**
 * A check as the parser (Check) or the database (CheckResult, with `scope`) reports it.
 * Only the fields needed to draw it are required.
 */
export interface ReportTableCheck {
  ruleId: RuleId | string;
  rule?: string;
  ok: boolean;
  left: number;
  right: number;
  leftKeys: readonly string[];
  rightKeys: readonly string[];
  column?: string;
  row?: string;
  group?: string;
  /** CheckResult.scope: the column, row or group the relation was evaluated on. */
  scope?: string;
}

export interface CorrectionMark {
  old: number | string | null;
  new: number | string | null;
}

export const tableMessages = {
  zh: {
    section2: "二、主动公开政府信息情况",
    section3: "三、收到和处理政府信息公开申请情况",
    section4: "四、政府信息公开行政复议、行政诉讼情况",
    infoContent: "信息内容",
    corner: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    applicants: "申请人情况",
    legalPersons: "法人或其他组织",
    outcomesBlock: "三、本年度办理结果",
    reconsideration: "行政复议",
    litigation: "行政诉讼",
    blank: "空白",
    brokenTitle: "勾稽关系不符",
    brokenNone: "所有勾稽关系相符。",
    brokenCount: (n: number) => `${n} 处勾稽关系不符（两边数值如下，表中以 ⚠ 标出相关单元格）`,
    brokenCell: (ns: number[]) => `勾稽关系不符，见第 ${ns.join("、")} 条`,
    corrected: (old: string) => `已更正，原值 ${old}`,
    column: (label: string) => `${label}列`,
    row: (label: string) => `${label}行`,
    otherReport: "上年报告",
    colon: "：",
    comma: "，",
  },
  en: {
    section2: "II. Proactive disclosure",
    section3: "III. Applications received and handled",
    section4: "IV. Administrative reconsideration and litigation",
    infoContent: "Item",
    corner: "(In each column: first + second = third + fourth)",
    applicants: "Applicants",
    legalPersons: "Legal persons and other organisations",
    outcomesBlock: "III. Outcomes this year",
    reconsideration: "Reconsideration",
    litigation: "Litigation",
    blank: "blank",
    brokenTitle: "Broken relations",
    brokenNone: "Every relation holds.",
    brokenCount: (n: number) => `${n} broken relation${n === 1 ? "" : "s"} (both sides below; the cells involved are marked ⚠)`,
    brokenCell: (ns: number[]) => `Broken relation, see no. ${ns.join(", ")}`,
    corrected: (old: string) => `Corrected, was ${old}`,
    column: (label: string) => `${label} column`,
    row: (label: string) => `${label} row`,
    otherReport: "last year's report",
    colon: ": ",
    comma: "; ",
  },
} as const;

// ── Labels ────────────────────────────────────────────────────────────────────

function field(key: string): FieldDef {
  const f = FIELD_BY_KEY.get(key);
  if (!f) throw new Error(`Unknown field key ${key}`);
  return f;
}

/** The catalog labels are "row·column" (zh) and "row · column" (en). */
export function splitFieldLabel(key: string, lang: Lang): { row: string; column: string } {
  const f = field(key);
  const label = lang === "zh" ? f.labelZh : f.labelEn;
  const sep = lang === "zh" ? "·" : " · ";
  const at = label.lastIndexOf(sep);
  if (at < 0) return { row: label, column: "" };
  return { row: label.slice(0, at), column: label.slice(at + sep.length) };
}

export function fieldLabel(key: string, lang: Lang): string {
  const f = field(key);
  return lang === "zh" ? f.labelZh : f.labelEn;
}

// ── Table 二 ──────────────────────────────────────────────────────────────────

export interface ActiveBlock {
  /** The template's block heading, e.g. 第二十条第（一）项. */
  article: string;
  columns: string[];
  rows: Array<{ label: string; keys: string[] }>;
}

/** Rows of section 二 in template order, each a list of field-key suffixes sharing a row. */
const ACTIVE_LAYOUT: Record<ReportFormat, Array<{ article: string; rows: string[][] }>> = {
  "2021": [
    {
      article: "第二十条第（一）项",
      rows: [
        ["active.rules.issued", "active.rules.repealed", "active.rules.in_force"],
        ["active.normative.issued", "active.normative.repealed", "active.normative.in_force"],
      ],
    },
    { article: "第二十条第（五）项", rows: [["active.licensing"]] },
    { article: "第二十条第（六）项", rows: [["active.penalty"], ["active.enforcement"]] },
    { article: "第二十条第（八）项", rows: [["active.fees"]] },
  ],
  "2019": [
    {
      article: "第二十条第（一）项",
      rows: [
        ["active.rules.made", "active.rules.published", "active.rules.total"],
        ["active.normative.made", "active.normative.published", "active.normative.total"],
      ],
    },
    {
      article: "第二十条第（五）项",
      rows: [
        ["active.licensing.prev", "active.licensing.change", "active.licensing.decisions"],
        ["active.other_services.prev", "active.other_services.change", "active.other_services.decisions"],
      ],
    },
    {
      article: "第二十条第（六）项",
      rows: [
        ["active.penalty.prev", "active.penalty.change", "active.penalty.decisions"],
        ["active.enforcement.prev", "active.enforcement.change", "active.enforcement.decisions"],
      ],
    },
    { article: "第二十条第（八）项", rows: [["active.fees.prev", "active.fees.change"]] },
    { article: "第二十条第（九）项", rows: [["active.procurement.items", "active.procurement.amount"]] },
  ],
};

const CHINESE_DIGITS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** 第二十条第（五）项 → "Art. 20 (5)" (the 条例 article each block of table 二 answers). */
function articleLabel(article: string, lang: Lang): string {
  if (lang === "zh") return article;
  const item = /（(.)）/.exec(article)?.[1];
  return item && CHINESE_DIGITS[item] ? `Art. 20 (${CHINESE_DIGITS[item]})` : article;
}

export function activeBlocks(format: ReportFormat, lang: Lang): ActiveBlock[] {
  return ACTIVE_LAYOUT[format].map((block) => ({
    article: articleLabel(block.article, lang),
    columns: block.rows[0].map((k) => splitFieldLabel(k, lang).column),
    rows: block.rows.map((keys) => ({ label: splitFieldLabel(keys[0], lang).row, keys })),
  }));
}

/** Every key that table 二 of this format shows (for tests: it must equal the catalog's). */
export function activeKeys(format: ReportFormat): string[] {
  return ACTIVE_LAYOUT[format].flatMap((b) => b.rows.flat());
}

// ── Table 三 ──────────────────────────────────────────────────────────────────

export interface ApplicationLayoutRow {
  rowKey: string;
  /**
   * "top": one label over the three label columns (一、二、四).
   * "single": inside 三、本年度办理结果, a label over two columns ((一)(二)(七)).
   * "item": a numbered reason under a group label ((三)…(六)).
   */
  kind: "top" | "single" | "item";
  label: string;
  /** For "item" rows: the group label, and how many rows it spans (on its first row only). */
  group?: { label: string; span: number };
  /** The first row of the 三、本年度办理结果 block carries its rowspan. */
  outcomesSpan?: number;
  keys: string[];
}

export function applicationLayout(format: ReportFormat, lang: Lang): ApplicationLayoutRow[] {
  const rows = APPLICATION_ROWS.filter((r) => r.formats.includes(format));
  const inOutcomes = (r: (typeof rows)[number]) => r.outcome !== null || r.key === "total";
  const outcomesCount = rows.filter(inOutcomes).length;
  const result: ApplicationLayoutRow[] = [];
  let outcomesStarted = false;
  for (const r of rows) {
    const keys = APPLICANT_COLUMNS.map((c) => `apps.${r.key}.${c.key}`);
    const labelZh = r.labelZh;
    if (!inOutcomes(r)) {
      result.push({ rowKey: r.key, kind: "top", label: lang === "zh" ? labelZh : r.labelEn, keys });
      continue;
    }
    const outcomesSpan = outcomesStarted ? undefined : outcomesCount;
    outcomesStarted = true;
    // Catalog labels of grouped reasons read "（三）不予公开 1.属于国家秘密".
    const space = labelZh.indexOf(" ");
    if (space < 0 || r.outcome === null) {
      result.push({ rowKey: r.key, kind: "single", label: lang === "zh" ? labelZh : r.labelEn, outcomesSpan, keys });
      continue;
    }
    const groupZh = labelZh.slice(0, space);
    const groupRows = rows.filter((x) => x.outcome === r.outcome);
    const first = groupRows[0].key === r.key;
    const groupEn = r.labelEn.includes(":") ? r.labelEn.slice(0, r.labelEn.indexOf(":")) : r.labelEn;
    const itemEn = r.labelEn.includes(":") ? r.labelEn.slice(r.labelEn.indexOf(":") + 1).trim() : r.labelEn;
    result.push({
      rowKey: r.key,
      kind: "item",
      label: lang === "zh" ? labelZh.slice(space + 1) : itemEn,
      group: first ? { label: lang === "zh" ? groupZh : groupEn, span: groupRows.length } : undefined,
      outcomesSpan,
      keys,
    });
  }
  return result;
}

export function applicantHeader(lang: Lang): {
  first: string;
  middle: string[];
  last: string;
} {
  const label = (c: (typeof APPLICANT_COLUMNS)[number]) => (lang === "zh" ? c.labelZh : c.labelEn);
  return {
    first: label(APPLICANT_COLUMNS[0]),
    middle: APPLICANT_COLUMNS.slice(1, -1).map(label),
    last: label(APPLICANT_COLUMNS[APPLICANT_COLUMNS.length - 1]),
  };
}

// ── Table 四 ──────────────────────────────────────────────────────────────────

export interface ReviewLayout {
  reconsideration: { label: string; keys: string[] };
  litigation: { label: string; groups: Array<{ label: string; keys: string[] }> };
  results: string[];
}

export function reviewLayout(lang: Lang): ReviewLayout {
  const pick = (x: { labelZh: string; labelEn: string }) => (lang === "zh" ? x.labelZh : x.labelEn);
  const sep = lang === "zh" ? "·" : " · ";
  const keysOf = (g: string) => REVIEW_RESULTS.map((r) => `${g}.${r.key}`);
  const [review, ...litigation] = REVIEW_GROUPS;
  const litigationLabel = pick(litigation[0]).split(sep)[0];
  return {
    reconsideration: { label: pick(review), keys: keysOf(review.key) },
    litigation: {
      label: litigationLabel,
      groups: litigation.map((g) => ({ label: pick(g).split(sep).slice(1).join(sep), keys: keysOf(g.key) })),
    },
    results: REVIEW_RESULTS.map(pick),
  };
}

// ── Broken relations ──────────────────────────────────────────────────────────

export function brokenChecks<T extends ReportTableCheck>(checks: readonly T[]): T[] {
  return checks.filter((c) => !c.ok);
}

/**
 * key → the 1-based numbers of the broken relations it takes part in, on either side.
 * Keys of another report (across-year checks prefix them "prev:") are not in this report's tables.
 */
export function highlightedCells(checks: readonly ReportTableCheck[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  brokenChecks(checks).forEach((c, i) => {
    for (const key of [...c.leftKeys, ...c.rightKeys]) {
      if (key.startsWith("prev:")) continue;
      const list = map.get(key) ?? [];
      if (!list.includes(i + 1)) list.push(i + 1);
      map.set(key, list);
    }
  });
  return map;
}

function scopeLabel(check: ReportTableCheck, lang: Lang): string | null {
  const m = tableMessages[lang];
  const scope = check.column ?? check.row ?? check.group ?? check.scope;
  if (!scope) return null;
  const column = APPLICANT_COLUMNS.find((c) => c.key === scope);
  const usesColumn = ["balance", "outcomes", "carry_across_years"].includes(check.ruleId);
  if (column && (check.column !== undefined || usesColumn)) {
    return m.column(lang === "zh" ? column.labelZh : column.labelEn);
  }
  const row = APPLICATION_ROWS.find((r) => r.key === scope);
  if (row) return m.row(lang === "zh" ? row.labelZh : row.labelEn);
  const group = REVIEW_GROUPS.find((g) => g.key === scope);
  if (group) return lang === "zh" ? group.labelZh : group.labelEn;
  if (scope === "rules" || scope === "normative") {
    return splitFieldLabel(`active.${scope}.in_force`, lang).row;
  }
  return scope;
}

export interface BrokenRelationText {
  number: number;
  scope: string | null;
  leftLabel: string;
  rightLabel: string;
  left: number;
  right: number;
  /** e.g. 自然人列：本年新收 + 上年结转 = 7，办理总计 + 结转下年度 = 0 */
  text: string;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4);
}

/**
 * Rules whose label is not written "left = right" in a language (the English ones of outcomes and
 * row_total read as sentences): the two sides, named.
 */
const SIDE_LABELS: Partial<Record<Lang, Partial<Record<RuleId, [string, string]>>>> = {
  en: {
    outcomes: ["Sum of the outcome rows", "total handled"],
    row_total: ["Sum of the applicant columns", "total column"],
  },
};

export function describeCheck(check: ReportTableCheck, number: number, lang: Lang): BrokenRelationText {
  const m = tableMessages[lang];
  const rule = RULES[check.ruleId as RuleId];
  let leftLabel: string;
  let rightLabel: string;
  const named = SIDE_LABELS[lang]?.[check.ruleId as RuleId];
  if (named) {
    [leftLabel, rightLabel] = named;
  } else if (rule && (lang === "zh" ? rule.labelZh : rule.labelEn).includes(" = ")) {
    const [l, r] = (lang === "zh" ? rule.labelZh : rule.labelEn).split(" = ");
    // The in-force rule is written "in_force(N) = …" but its check puts in_force(N) on the right.
    [leftLabel, rightLabel] = check.ruleId === "in_force_across_years" ? [r, l] : [l, r];
  } else {
    const [l, r] = (check.rule ?? String(check.ruleId)).split(" = ");
    leftLabel = l;
    rightLabel = r ?? (lang === "zh" ? "右边" : "right side");
  }
  const scope = scopeLabel(check, lang);
  const sides = `${leftLabel} = ${formatNumber(check.left)}${m.comma}${rightLabel} = ${formatNumber(check.right)}`;
  return {
    number,
    scope,
    leftLabel,
    rightLabel,
    left: check.left,
    right: check.right,
    text: scope ? `${scope}${m.colon}${sides}` : sides,
  };
}

export function describeBrokenChecks(checks: readonly ReportTableCheck[], lang: Lang): BrokenRelationText[] {
  return brokenChecks(checks).map((c, i) => describeCheck(c, i + 1, lang));
}

// ── Values ────────────────────────────────────────────────────────────────────

export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return formatNumber(v);
}

/** What a number input's text means: blank is null (a blank cell), otherwise a finite number. */
export function parseInputValue(text: string): number | null | "invalid" {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : "invalid";
}
