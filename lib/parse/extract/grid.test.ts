import { describe, expect, it } from "vitest";
import { joinCellPieces, layoutSpannedRows, layoutWordRows, MAX_GRID_SLOTS, normalizeCellText } from "./grid";

const texts = (grid: ReturnType<typeof layoutSpannedRows>) => grid!.map((row) => row.map((c) => c.text));

describe("layoutSpannedRows", () => {
  it("repeats a rowspan/colspan origin's text in the slots it covers and marks them", () => {
    const grid = layoutSpannedRows([
      [{ text: "三、办理结果", rowSpan: 2, colSpan: 1 }, { text: "（一）", rowSpan: 1, colSpan: 2 }, { text: "7", rowSpan: 1, colSpan: 1 }],
      [{ text: "（二）", rowSpan: 1, colSpan: 1 }, { text: "1", rowSpan: 1, colSpan: 1 }, { text: "2", rowSpan: 1, colSpan: 1 }],
    ]);
    expect(texts(grid)).toEqual([
      ["三、办理结果", "（一）", "（一）", "7"],
      ["三、办理结果", "（二）", "1", "2"],
    ]);
    expect(grid![1][0]).toEqual({ text: "三、办理结果", origin: false, rowSpan: 2, colSpan: 1 });
    expect(grid![0][2].origin).toBe(false);
    expect(grid![0][1].origin).toBe(true);
  });

  it("clips a rowspan that runs past the last row and pads short rows", () => {
    const grid = layoutSpannedRows([
      [{ text: "a", rowSpan: 9, colSpan: 1 }, { text: "b", rowSpan: 1, colSpan: 1 }],
      [],
    ]);
    expect(grid![0][0].rowSpan).toBe(2);
    expect(grid![1].map((c) => [c.text, c.origin])).toEqual([["a", false], ["", true]]);
  });

  it("refuses to build a grid larger than the slot limit", () => {
    const rows = Array.from({ length: 2000 }, () => [{ text: "x", rowSpan: 1, colSpan: 1000 }]);
    expect(2000 * 1000).toBeGreaterThan(MAX_GRID_SLOTS);
    expect(layoutSpannedRows(rows)).toBeNull();
  });
});

describe("layoutWordRows", () => {
  it("extends the cell above for vMerge continue and honours gridBefore", () => {
    const grid = layoutWordRows([
      { gridBefore: 0, cells: [{ text: "标签", gridSpan: 1, vMerge: "restart" }, { text: "1", gridSpan: 2, vMerge: null }] },
      { gridBefore: 0, cells: [{ text: "", gridSpan: 1, vMerge: "continue" }, { text: "2", gridSpan: 1, vMerge: null }, { text: "3", gridSpan: 1, vMerge: null }] },
      { gridBefore: 1, cells: [{ text: "4", gridSpan: 2, vMerge: null }] },
    ]);
    expect(texts(grid)).toEqual([
      ["标签", "1", "1"],
      ["标签", "2", "3"],
      ["", "4", "4"],
    ]);
    expect(grid![0][0].rowSpan).toBe(2);
    expect(grid![1][0].origin).toBe(false);
  });

  it("treats a continue with nothing above as an ordinary cell", () => {
    const grid = layoutWordRows([{ gridBefore: 0, cells: [{ text: "x", gridSpan: 1, vMerge: "continue" }] }]);
    expect(grid![0][0]).toEqual({ text: "x", origin: true, rowSpan: 1, colSpan: 1 });
  });
});

describe("cell text", () => {
  it("blanks &nbsp; and full-width spaces and drops spaces between Chinese characters", () => {
    expect(normalizeCellText("\u00a0\u3000 ")).toBe("");
    expect(normalizeCellText(" 商 业\n 企 业 ")).toBe("商业企业");
    expect(normalizeCellText("230  000")).toBe("230 000");
  });

  it("joins pieces split by <br> without a separator, except between Latin words", () => {
    expect(joinCellPieces(["申请人", "情况"])).toBe("申请人情况");
    expect(joinCellPieces(["12", "34"])).toBe("12 34");
    expect(joinCellPieces(["", " ", "总计"])).toBe("总计");
  });
});
