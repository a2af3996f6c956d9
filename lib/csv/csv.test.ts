import { describe, expect, it } from "vitest";
import { UTF8_BOM, csvCell, csvRow, guardFormula, parseCsv } from "./csv";
import { contentDisposition } from "./report-csv";

describe("csvCell", () => {
  it("quotes commas, quotes, line breaks and edge spaces (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("东高地街道")).toBe("东高地街道");
  });

  it("writes numbers as numbers, negatives included, and blanks as empty", () => {
    expect(csvCell(-18)).toBe("-18");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("neutralises the formula %j", (input, guarded) => {
    expect(guardFormula(input)).toBe(guarded);
    // and the guarded text survives quoting and parsing intact
    expect(parseCsv(csvRow([input]))[0][0]).toBe(guarded);
  });

  it("leaves text that is a plain number alone (no formula can run)", () => {
    expect(guardFormula("-18")).toBe("-18");
    expect(guardFormula("+3.5")).toBe("+3.5");
    expect(guardFormula("-1e3")).toBe("-1e3");
    expect(guardFormula("-")).toBe("'-");
    expect(guardFormula("a=b")).toBe("a=b");
  });
});

describe("parseCsv", () => {
  it("reads back what csvRow writes, with or without BOM", () => {
    const values = ["a,b", 'q"q', "multi\r\nline", "", "中文", "=x"];
    const text = UTF8_BOM + csvRow(values) + csvRow(["1", "2"]);
    expect(parseCsv(text)).toEqual([["a,b", 'q"q', "multi\r\nline", "", "中文", "'=x"], ["1", "2"]]);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    const h = contentDisposition("东高地街道2023年报告 (1).pdf");
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = h.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe("东高地街道2023年报告 (1).pdf");
    expect(encoded).not.toMatch(/[()' ]/);
    expect(contentDisposition('a"b.txt')).toContain('filename="a_b.txt"');
  });
});
