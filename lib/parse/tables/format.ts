/**
 * Which national format a report's tables follow, decided from what the tables print
 * (column headers of table 二, the shape of （六）其他处理), never from the year.
 */
import type { ReportFormat } from "../../report/catalog";
import { normalizeLabel } from "./normalize";

const SIGNS_2019: ReadonlyArray<[RegExp, number]> = [
  [/新制作数量|本年新制作/, 2],
  [/新公开数量|对外公开总数/, 2],
  [/上一年项目数量|上一年项目/, 2],
  [/本年增\/?减|增\/减/, 2],
  [/集中采购|采购项目数量|采购总金额/, 2],
  [/对外管理服务事项/, 2],
];

const SIGNS_2021: ReadonlyArray<[RegExp, number]> = [
  [/制发件数|本年制发/, 2],
  [/废[止纸]件数|本年废[止纸]/, 2],
  [/现行有效件数|现行有效/, 2],
  [/收费金额/, 2],
  [/不补正/, 1],
  [/收费通知|缴纳费用/, 1],
];

export interface FormatVerdict {
  format: ReportFormat;
  score2019: number;
  score2021: number;
  /** True when the tables carried no sign of either format. */
  guessed: boolean;
}

export function detectFormat(tableText: string): FormatVerdict {
  const t = normalizeLabel(tableText);
  let s2019 = 0;
  let s2021 = 0;
  for (const [re, w] of SIGNS_2019) if (re.test(t)) s2019 += w;
  for (const [re, w] of SIGNS_2021) if (re.test(t)) s2021 += w;
  // A single （六）其他处理 row without the 2021 sub-rows is the 2019 shape (a weak sign: some
  // 2021 reports keep it, and their table 二 outweighs it).
  if (/六[)）]?其他处理/.test(t) && !/不补正|收费通知|缴纳费用/.test(t)) s2019 += 1;
  if (s2019 === 0 && s2021 === 0) return { format: "2021", score2019: 0, score2021: 0, guessed: true };
  return { format: s2019 > s2021 ? "2019" : "2021", score2019: s2019, score2021: s2021, guessed: false };
}
