/**
 * The same reports printed in every layout family (rows with spaces or tabs, one cell per
 * line, Markdown, flattened text, column-major PDF text, real table grids): the parser must
 * read back the values, whichever file they came from.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "./index";
import { firstReadings, listFixtures, readGold, stemOf, type Gold } from "./test-support/gold";
import { renderGrids, renderText, TEXT_LAYOUTS } from "./test-support/render-layouts";

const reports: Array<[string, Gold]> = [...listFixtures("seeds"), ...listFixtures("corpus")]
  .filter((f) => f.endsWith(".txt"))
  .map((f) => [stemOf(f), readGold("gold", stemOf(f))] as [string, Gold])
  // 001 and 002 of the corpus are one report; keep one.
  .filter(([stem]) => !stem.startsWith("002_huaian"));

function wrongKeys(values: Record<string, number | null>, want: Record<string, number | null>, warnings: string[], lenient: boolean) {
  return Object.entries(want)
    .filter(([k, w]) => {
      const got = values[k];
      const same = w === null ? got === null : typeof got === "number" && Math.abs(got - w) < 1e-6;
      if (same) return false;
      // Glued digits may allow several readings: then the parser must have said so.
      if (lenient) {
        const row = k.split(".").slice(0, -1).join(".");
        if (warnings.some((m) => m.startsWith(`${row}:`) || m.startsWith(`${k}:`) || (k.startsWith("review") || k.startsWith("litigation")) && m.startsWith("review:"))) return false;
      }
      return true;
    })
    .map(([k, w]) => `${k}: got ${values[k]}, want ${w}`);
}

describe.each(TEXT_LAYOUTS)("layout %s", (layout) => {
  it.each(reports)("%s reads back", (stem, gold) => {
    const want = firstReadings(gold);
    const hasNull = Object.values(want).some((v) => v === null);
    if (hasNull && layout === "flat") {
      // Flattened text cannot show an empty cell; nothing to read back.
      expect(hasNull).toBe(true);
      return;
    }
    const text = renderText(gold.format, want, layout);
    const result = parseDocument(`${stem}.${layout}.txt`, { kind: "text", text, tables: [], warnings: [] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.format).toBe(gold.format);
    expect(wrongKeys(result.values, want, result.warnings, layout === "flat")).toEqual([]);
  });
});

describe("real table grids", () => {
  it.each(reports)("%s reads back", (stem, gold) => {
    const want = firstReadings(gold);
    const result = parseDocument(`${stem}.html`, renderGrids(gold.format, want));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.format).toBe(gold.format);
    expect(wrongKeys(result.values, want, [], false)).toEqual([]);
  });
});
