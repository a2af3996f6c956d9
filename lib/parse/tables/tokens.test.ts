import { describe, expect, it } from "vitest";
import { tokenizeText, type Token } from "./tokens";

const show = (tokens: Token[]) =>
  tokens.map((t) => (t.t === "text" ? `T:${t.s}` : t.t === "num" ? `N:${t.raw}${t.unit ? "" : ""}` : t.t === "blank" ? "B" : "|"));

describe("tokenizeText", () => {
  it("gives an enumerator glued to a run back to the next label", () => {
    expect(show(tokenizeText("00000002.其他法律行政法规禁止公开"))).toEqual(["N:0000000", "T:2.其他法律行政法规禁止公开"]);
  });
  it("keeps units, decimals and signs, and splits a minus out of a run", () => {
    expect(show(tokenizeText("政府集中采购 2笔 984361元"))).toEqual(["T:政府集中采购", "N:2笔", "N:984361元"]);
    expect(show(tokenizeText("行政处罚2648-18538"))).toEqual(["T:行政处罚", "N:2648", "N:-18538"]);
    expect(show(tokenizeText("行政事业性收费 96171.6"))).toEqual(["T:行政事业性收费", "N:96171.6"]);
  });
  it("drops page markers, Markdown rules, OCR column names and noise cells", () => {
    expect(show(tokenizeText("- 4 -\n|---|---|\n| 类别 | 数据1 | 数据2 |\n| (七) 总记 | † | 0 |"))).toEqual(["T:类别", "T:(七) 总记", "N:0"]);
  });
  it("does not take years or 第N项 for cells", () => {
    expect(tokenizeText("2023年，第1项").some((t) => t.t === "num")).toBe(false);
  });
  it("turns '/', '-' and '—' cells into blanks", () => {
    expect(show(tokenizeText("规章 / - —"))).toEqual(["T:规章", "B", "B", "B"]);
  });
});

describe("blank marks inside running text", () => {
  it("reads each mark between glued cells as one empty cell", () => {
    expect(show(tokenizeText("规章5//7"))).toEqual(["T:规章", "N:5", "B", "B", "N:7"]);
    expect(show(tokenizeText("行政许可 —— 3"))).toEqual(["T:行政许可", "B", "N:3"]);
  });
});

describe("OCR zeros", () => {
  it("reads a cell holding only O or 〇 as 0", () => {
    expect(show(tokenizeText("| 2.重复申请 | 0 | O | 〇 | 0 |"))).toEqual(["T:2.重复申请", "N:0", "N:O", "N:〇", "N:0"]);
  });
});
