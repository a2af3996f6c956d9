import { describe, expect, it } from "vitest";
import { tokenizeText, type Token } from "./tokens";

const show = (tokens: Token[]) =>
  tokens.map((t) => (t.t === "text" ? `T:${t.s}` : t.t === "num" ? `N:${t.raw}${t.unit ? "" : ""}` : t.t === "blank" ? "B" : "|"));

describe("tokenizeText", () => {
  it("reads a dash glued to a lone number (Word's –3) as a minus, a dash between numbers as a blank", () => {
    expect(show(tokenizeText("行政许可 12 –3 20"))).toEqual(["T:行政许可", "N:12", "N:-3", "N:20"]);
    expect(show(tokenizeText("行政许可 12 — 20"))).toEqual(["T:行政许可", "N:12", "B", "N:20"]);
  });
  it("reads a plus before a number (本年增/减 printed +3) as its sign", () => {
    expect(show(tokenizeText("行政许可 12 +3 20"))).toEqual(["T:行政许可", "N:12", "N:3", "N:20"]);
    expect(show(tokenizeText("| 行政处罚 | 100 | ＋5 | 30 |"))).toEqual(["T:行政处罚", "N:100", "N:5", "N:30"]);
  });
  it("reads a change written in words (增加3, 减少2) as a signed number, not in running words", () => {
    expect(show(tokenizeText("行政许可 5 增加3 8"))).toEqual(["T:行政许可", "N:5", "N:3", "N:8"]);
    expect(show(tokenizeText("行政处罚\t4\t减少2\t0"))).toEqual(["T:行政处罚", "N:4", "N:-2", "N:0"]);
    expect(show(tokenizeText("比上年减少2件"))).toEqual(["T:比上年减少", "N:2件"]);
    expect(show(tokenizeText("行政许可 120 持平 3456"))).toEqual(["T:行政许可", "N:120", "N:0", "N:3456"]);
    expect(show(tokenizeText("| 行政处罚 | 4 | 无变化 | 7 |"))).toEqual(["T:行政处罚", "N:4", "N:0", "N:7"]);
    expect(show(tokenizeText("与上年持平。"))).toEqual(["T:与上年持平。"]);
  });
  it("keeps punctuation right after a number (95件，其中) as words: the sentence goes on", () => {
    expect(show(tokenizeText("申请 95 件，其中自然人 90件。"))).toEqual(["T:申请", "N:95", "T:件,其中自然人", "N:90件", "T:。"]);
    expect(show(tokenizeText("金额 1,234 元"))).toEqual(["T:金额", "N:1,234", "T:元"]);
  });
  it("reads OCR look-alike letters inside a number cell as digits", () => {
    expect(show(tokenizeText("| 予以公开 | 7O5 | 1l | O |"))).toEqual(["T:予以公开", "N:7O5", "N:1l", "N:O"]);
    expect(tokenizeText("| 予以公开 | 7O5 | 1l |").filter((t) => t.t === "num").map((t) => (t.t === "num" ? t.int : ""))).toEqual(["705", "11"]);
    // Words keep their letters.
    expect(show(tokenizeText("| ISO | 5 |"))).toEqual(["T:ISO", "N:5"]);
  });
  it("drops dates, times and document numbers of a page's chrome (words, not cells)", () => {
    expect(show(tokenizeText("发布日期 2024-01-05 浏览次数 356"))).toEqual(["T:发布日期", "T:浏览次数", "N:356"]);
    expect(show(tokenizeText("生成日期 2026-01-23 16:24:38"))).toEqual(["T:生成日期"]);
    expect(show(tokenizeText("索引号 11350128/2024-00012"))).toEqual(["T:索引号"]);
    // A 2019 row with a negative change glued on is still cells.
    expect(show(tokenizeText("行政处罚 2648 -18 538"))).toEqual(["T:行政处罚", "N:2648", "N:-18", "N:538"]);
  });
  it("reads rows like '— 1 —' or '10 / 153' beside other rows as cells, a lone '- 4 -' as a page number", () => {
    expect(show(tokenizeText("行政许可\n其他对外管理服务事项\n— 1 —\n— — —")).filter((x) => x !== "T:行政许可" && x !== "T:其他对外管理服务事项")).toEqual(["B", "N:1", "B", "B", "B", "B"]);
    expect(show(tokenizeText("行政许可\n其他对外管理服务事项\n396 / 181\n10 / 153")).slice(2)).toEqual(["N:396", "B", "N:181", "N:10", "B", "N:153"]);
    expect(show(tokenizeText("1.属于国家秘密 0 0 0 0 0 0 0\n- 4 -\n2.重复申请 0 0 0 0 0 0 0")).filter((x) => x.startsWith("T:"))).toEqual(["T:1.属于国家秘密", "T:2.重复申请"]);
    expect(show(tokenizeText("0\n0\n- 4 -\n1")).join(" ")).toBe("N:0 N:0 N:1");
  });
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
