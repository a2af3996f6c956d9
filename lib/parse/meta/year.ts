/**
 * The year a report covers. Evidence, strongest first: the title's year; the statistics period
 * (`统计期限自2019年1月1日起至2019年12月31日止`); the narrative's `2023年度` / `2023年，`; the file
 * name. Publication dates (`发布时间：2021-01-28`, `(2026年1月23日)`) are never used: a report on
 * 2020 is published in 2021.
 */
import { compact } from "./text";
import type { TitleMatch } from "./title";

const FIRST_YEAR = 2008; // 政府信息公开条例 took effect on 2008-05-01.

function plausible(year: number): boolean {
  return year >= FIRST_YEAR && year <= 2100;
}

const PERIOD = /((?:19|20)\d{2})年0?1月0?1日(?:起)?(?:至|到|—|–|-|～|~)(?:((?:19|20)\d{2})年)?12月31日/;

export function statisticsPeriodYear(text: string): number | null {
  const match = PERIOD.exec(compact(text));
  if (!match) return null;
  const year = Number(match[1]);
  return plausible(year) ? year : null;
}

export interface YearReading {
  year: number | null;
  warnings: string[];
}

export function readYear(text: string, title: TitleMatch | null, fileName?: string): YearReading {
  const warnings: string[] = [];
  const period = statisticsPeriodYear(text);
  if (title && plausible(title.year)) {
    if (period !== null && period !== title.year) {
      warnings.push(
        `year: the title says ${title.year} but the statistics period says ${period}; using the title's year`,
      );
    }
    return { year: title.year, warnings };
  }
  if (period !== null) return { year: period, warnings };

  const body = compact(text);
  const counts = new Map<number, number>();
  for (const match of body.matchAll(/((?:19|20)\d{2})年度/g)) {
    const year = Number(match[1]);
    if (plausible(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (byCount.length > 0 && (byCount.length === 1 || byCount[0][1] > byCount[1][1])) {
    warnings.push(`year: no title year found; read ${byCount[0][0]} from the narrative's "${byCount[0][0]}年度"`);
    return { year: byCount[0][0], warnings };
  }
  const opening = /(?:^|[。\n])((?:19|20)\d{2})年(?:以来)?[，,]/.exec(text.replace(/[ \t\u3000]+/g, ""));
  if (opening && plausible(Number(opening[1]))) {
    warnings.push(`year: no title year found; read ${opening[1]} from the narrative's opening "${opening[1]}年，"`);
    return { year: Number(opening[1]), warnings };
  }
  const fromName = fileName ? /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(fileName) : null;
  if (fromName && plausible(Number(fromName[1]))) {
    warnings.push(`year: not stated in the text; ${fromName[1]} taken from the file name`);
    return { year: Number(fromName[1]), warnings };
  }
  warnings.push("year: the text states no report year");
  return { year: null, warnings };
}
