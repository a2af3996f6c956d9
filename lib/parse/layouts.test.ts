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
        const said = (m: string) =>
          (m.startsWith(`${row}:`) || ((k.startsWith("review") || k.startsWith("litigation")) && m.startsWith("review:"))) &&
          m.includes("allows");
        if (warnings.some(said)) return false;
      }
      return true;
    })
    .map(([k, w]) => `${k}: got ${values[k]}, want ${w}`);
}

describe.each(TEXT_LAYOUTS)("layout %s", (layout) => {
  it.each(reports)("%s reads back", (stem, gold) => {
    const want = firstReadings(gold);
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

/** Quirks of real reports, applied to a rendered layout: typos, wrong numbers, broken labels. */
const QUIRKS: Array<[string, (text: string) => string]> = [
  ["typos (总记, 行政止公开, 行政法复议, 废纸)", (t) =>
    t.replace("（七）总计", "（七）总记").replace("其他法律行政法规禁止公开", "其他法律行政止公开").replace("行政复议、行政诉讼情况", "行政法复议、行政诉讼情况").replace("本年废止件数", "本年废纸件数")],
  ["wrong section number (四 for 三)", (t) => t.replace("三、收到和处理政府信息公开申请情况", "四、收到和处理政府信息公开申请情况")],
  ["labels split over lines and pages", (t) =>
    t.replace("2.没有现成信息需要另行制作", "2.没有现成信息需\n- 5 -\n要另行制作").replace("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重\n新出具已获取信息")],
  ["vertical group label, one character per line", (t) => t.replace("三、本年度办理结果 ", "三\n、\n本\n年\n度\n办\n理\n结\n果\n")],
  ["a label typo no pattern knows", (t) => t.replace("5.属于三类内部事务信息", "5.属于三类内部事物信息")],
];

describe.each(QUIRKS)("quirk: %s", (_name, mutate) => {
  it.each(reports.filter(([, g]) => !Object.values(firstReadings(g)).some((v) => v === null)))("%s reads back", (stem, gold) => {
    const want = firstReadings(gold);
    for (const layout of ["rows-space", "cell-per-line"] as const) {
      const text = mutate(renderText(gold.format, want, layout));
      const result = parseDocument(`${stem}.txt`, { kind: "text", text, tables: [], warnings: [] });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.format).toBe(gold.format);
      expect(wrongKeys(result.values, want, [], false)).toEqual([]);
    }
  });
});
