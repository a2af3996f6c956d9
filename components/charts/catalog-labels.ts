/** Catalog labels as the charts print them (short forms of the template's row labels). */
import { FIELD_BY_KEY } from "../../lib/report/catalog";
import type { Lang } from "./chart-data";

export { APPLICANT_COLUMNS, APPLICATION_ROWS, OUTCOME_GROUPS, REVIEW_RESULTS } from "../../lib/report/catalog";

/** "（三）不予公开 1.属于国家秘密" → group "（三）不予公开", item "1.属于国家秘密". */
export function splitLabel(labelZh: string): { group: string; item: string } {
  const at = labelZh.indexOf(" ");
  return at < 0 ? { group: labelZh, item: labelZh } : { group: labelZh.slice(0, at), item: labelZh.slice(at + 1) };
}

export function labelOfKey(key: string, lang: Lang): string {
  const f = FIELD_BY_KEY.get(key);
  if (!f) return key;
  return lang === "zh" ? f.labelZh : f.labelEn;
}
