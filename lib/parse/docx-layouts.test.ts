import { describe, expect, it } from "vitest";
import type { ReportFormat } from "../report/catalog";
import type { Grid } from "./extract/types";
import { makeDocx, p, tbl, tc, tr } from "./extract/test-support/make-docx";
import { parseFile } from "./index";
import { firstReadings, readGold } from "./test-support/gold";
import { renderGrids } from "./test-support/render-layouts";

/** A grid as Word table XML: horizontal merges as gridSpan, vertical ones as vMerge. */
function wordTable(grid: Grid): string {
  const owner = new Map<string, [number, number]>();
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell.origin) return;
      for (let i = 0; i < cell.rowSpan; i++) for (let j = 0; j < cell.colSpan; j++) owner.set(`${r + i},${c + j}`, [r, c]);
    });
  });
  return tbl(
    ...grid.map((row, r) =>
      tr(
        ...row.flatMap((cell, c) => {
          const at = owner.get(`${r},${c}`);
          if (!at) return [tc(p(cell.text))];
          if (at[1] !== c) return [];
          const origin = grid[at[0]][at[1]];
          const span = origin.colSpan > 1 ? `<w:gridSpan w:val="${origin.colSpan}"/>` : "";
          if (at[0] === r) return [tc(p(cell.text), span + (origin.rowSpan > 1 ? `<w:vMerge w:val="restart"/>` : ""))];
          return [tc("", `${span}<w:vMerge/>`)];
        }),
      ),
    ),
  );
}

/** Table 三's rows named by `which` typed on two rows under a label merged over both. */
function splitRows(grid: Grid, which: RegExp): Grid {
  const out: Grid = [];
  for (const [ri, row] of grid.entries()) {
    if (ri < 3 || !which.test(row.map((c) => c.text).join(""))) {
      out.push(row);
      continue;
    }
    out.push(row.map((c, ci) => (ci < 3 ? { ...c, rowSpan: c.origin ? 2 : c.rowSpan } : ci < 7 ? c : { ...c, text: "" })));
    out.push(row.map((c, ci) => (ci < 3 ? { ...c, origin: false } : ci < 7 ? { ...c, text: "" } : c)));
  }
  return out;
}

const REPORTS: Array<[string, ReportFormat]> = [
  ["005_hongze_district_gov_2024_pdf_pypdf", "2021"],
  ["011_pingtan_finance_bureau_2020_spacesep", "2019"],
];

describe(".docx with table 三's applicant header in three merged rows", () => {
  it.each(REPORTS)("%s reads back, also with rows typed on two table rows", async (stem, format) => {
    const values = firstReadings(readGold("gold", stem));
    values["apps.new.business"] = 3;
    values["apps.new.legal"] = 2;
    values["apps.new.total"] = (values["apps.new.natural"] as number) + 5;
    values["apps.total.business"] = 3;
    values["apps.total.legal"] = 2;
    values["apps.total.total"] = (values["apps.total.natural"] as number) + 5;
    const grids = renderGrids(format, values);
    for (const t3 of [grids.tables[1], splitRows(grids.tables[1], /新收|总计/)]) {
      const body = grids.text.split("\n").map(p).join("") + wordTable(grids.tables[0]) + wordTable(t3) + wordTable(grids.tables[2]);
      const result = await parseFile("report.docx", makeDocx(body));
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const wrong = Object.keys(values).filter((k) => (result.values[k] ?? null) !== (values[k] ?? null));
      expect(wrong.map((k) => `${k}: ${values[k]} → ${result.values[k]}`)).toEqual([]);
    }
  });
});
