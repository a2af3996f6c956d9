/**
 * The narrative's total of proactively disclosed items (主动公开政府信息共757条). Only the
 * narrative before section 二's table is read, and only statements about 政府信息 as a whole:
 * 主动公开规章13件 (a category), 发布公开信息9980条 (not 主动公开), 受理申请21件 (依申请) are not totals.
 */
import { compact } from "./text";

export interface ActiveTotalReading {
  total: number | null;
  warnings: string[];
}

const NUMBER = "(\\d{1,3}(?:[,，]\\d{3})+|\\d+)";
const COUNT_WORD = "(?:条|份|件|篇|项)";
const SUM_WORD = "(?:(?:共计|共|总计|合计|累计|总数|总量|数量)(?:为|达)?|为|达)";
/** A few words may qualify 政府信息 (各类, 公安, 本单位) but never an application's. */
const QUALIFIER = "(?:(?!申请)[\\u4e00-\\u9fa5]){0,8}?";

/** Strongest first: a statement with 主动 and 政府信息; 主动公开 N 条信息; 共公布政府信息 N 条. */
const TIERS: RegExp[] = [
  new RegExp(`主动(?:公开|发布|公布)了?${QUALIFIER}政府信息${SUM_WORD}?${NUMBER}余?${COUNT_WORD}`, "g"),
  new RegExp(
    `(?:主动(?:公开|发布|公布)了?${SUM_WORD}?${NUMBER}余?${COUNT_WORD}${QUALIFIER}信息)|(?:主动(?:公开|发布|公布)了?(?:各类|各项)?信息${SUM_WORD}?${NUMBER}余?${COUNT_WORD})`,
    "g",
  ),
  new RegExp(
    `(?:${SUM_WORD}(?:公开|公布|发布)(?:各类)?政府信息${NUMBER}余?${COUNT_WORD})|(?:(?:公开|公布|发布)(?:各类)?政府信息${SUM_WORD}${NUMBER}余?${COUNT_WORD})`,
    "g",
  ),
];

/**
 * 其他应主动公开政府信息856条 inside `(其中机构职能类信息25条，…)` is one category of a breakdown,
 * not the total that precedes it.
 */
function isPartOfBreakdown(narrative: string, at: number): boolean {
  const before = narrative.slice(Math.max(0, at - 6), at);
  if (/其他|其它|应$/.test(before)) return true;
  const open = Math.max(narrative.lastIndexOf("(", at), narrative.lastIndexOf("（", at));
  const close = Math.max(narrative.lastIndexOf(")", at), narrative.lastIndexOf("）", at));
  return open > close && at - open < 400 && /^[(（]其中/.test(narrative.slice(open, open + 3));
}

/** Section 二's heading: the tables start there, and the narrative ends. */
const SECTION_TWO = /二[、.．]?主动公开政府信息(?:情况)?/;

export function readActiveDisclosureTotal(text: string): ActiveTotalReading {
  const warnings: string[] = [];
  let narrative = compact(text);
  const sectionTwo = SECTION_TWO.exec(narrative);
  if (sectionTwo) narrative = narrative.slice(0, sectionTwo.index);

  for (const pattern of TIERS) {
    const found: Array<{ value: number; summed: boolean; at: number }> = [];
    for (const match of narrative.matchAll(pattern)) {
      if (isPartOfBreakdown(narrative, match.index ?? 0)) continue;
      const digits = match.slice(1).find((group) => group !== undefined);
      if (!digits) continue;
      const value = Number(digits.replace(/[,，]/g, ""));
      const before = narrative.slice(Math.max(0, (match.index ?? 0) - 4), match.index ?? 0);
      found.push({ value, summed: new RegExp(SUM_WORD).test(match[0]) || /共|累计|全年|合计/.test(before), at: match.index ?? 0 });
    }
    if (found.length === 0) continue;
    const distinct = [...new Set(found.map((entry) => entry.value))];
    if (distinct.length === 1) return { total: distinct[0], warnings };
    const summed = [...new Set(found.filter((entry) => entry.summed).map((entry) => entry.value))];
    if (summed.length === 1) return { total: summed[0], warnings };
    // A total usually comes first and is not smaller than the parts that follow it.
    const first = found[0].value;
    if (distinct.every((value) => value <= first)) {
      warnings.push(`activeDisclosureTotal: the narrative gives ${distinct.join(", ")}; took the first and largest, ${first}`);
      return { total: first, warnings };
    }
    warnings.push(`activeDisclosureTotal: the narrative gives several totals (${distinct.join(", ")}); none recorded`);
    return { total: null, warnings };
  }
  return { total: null, warnings };
}
