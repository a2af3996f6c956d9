/**
 * Variations real sites print that the fixtures do not show: labels without their numbering,
 * other punctuation and digits, other words for the same row. Each gold report is rendered in
 * several layout families, varied, and must read back to the same values.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../index";
import { firstReadings, listFixtures, readGold, stemOf, type Gold } from "../test-support/gold";
import { renderText, type TextLayout } from "../test-support/render-layouts";

const reports: Array<[string, Gold]> = [...listFixtures("seeds"), ...listFixtures("corpus")]
  .filter((f) => f.endsWith(".txt") && !f.startsWith("002_huaian"))
  .map((f) => [stemOf(f), readGold("gold", stemOf(f))] as [string, Gold]);

function wrongKeys(values: Record<string, number | null>, want: Record<string, number | null>): string[] {
  return Object.entries(want)
    .filter(([k, w]) => {
      const got = values[k];
      return !(w === null ? got === null : typeof got === "number" && Math.abs(got - w) < 1e-6);
    })
    .map(([k, w]) => `${k}: got ${values[k]}, want ${w}`);
}

function readBack(stem: string, gold: Gold, layout: TextLayout, vary: (t: string) => string): string[] {
  const want = firstReadings(gold);
  const text = vary(renderText(gold.format, want, layout));
  const result = parseDocument(`${stem}.txt`, { kind: "text", text, tables: [], warnings: [] });
  if (!result.ok) return [result.error.message];
  return [...(result.format === gold.format ? [] : [`format ${result.format}`]), ...wrongKeys(result.values, want)];
}

const VARIANTS: Array<[string, (t: string) => string, readonly TextLayout[]]> = [
  [
    "labels without their numbering (（一）, 1., 一、 dropped)",
    (t) =>
      t
        .replace(/[（(][一二三四五六七][)）]/g, "")
        .replace(/(^|\n|\s|\|)[1-8][.、．]\s*(?=[\u4e00-\u9fff])/g, "$1"),
    ["rows-space", "rows-space-lost", "cell-per-line", "markdown", "column-major", "labels-then-rows"],
  ],
];

describe.each(VARIANTS)("variant: %s", (_name, vary, layouts) => {
  it.each(reports)("%s reads back", (stem, gold) => {
    for (const layout of layouts) expect(readBack(stem, gold, layout, vary), layout).toEqual([]);
  });
});
