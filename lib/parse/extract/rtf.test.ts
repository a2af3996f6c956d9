import { describe, expect, it } from "vitest";
import { extractDocument } from "./index";

const ascii = (s: string) => new TextEncoder().encode(s);

/** RTF \uN escapes (with a "?" fallback character, \uc1) for non-ASCII text. */
function unicodeEscaped(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x80 ? ch : `\\u${code}?`;
  }
  return out;
}

describe("RTF reader", () => {
  it("reads paragraphs, \\u escapes and a table with a vertical merge and a wide cell", async () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}" +
      "{\\info{\\title ignored}}\\uc1\\pard " +
      unicodeEscaped("某某街道2023年政府信息公开工作年度报告") +
      "\\par\\pard \\'d5\\'fd\\'ce\\'c4\\par" +
      "\\trowd\\clvmgf\\cellx2000\\cellx6000\\cellx8000" +
      "\\pard\\intbl " + unicodeEscaped("三、本年度办理结果") + "\\cell " + unicodeEscaped("（一）予以公开") + "\\cell 7\\cell\\row" +
      "\\trowd\\clvmrg\\cellx2000\\cellx4000\\cellx6000\\cellx8000" +
      "\\pard\\intbl \\cell " + unicodeEscaped("（三）不予公开") + "\\cell 1.\\cell 0\\cell\\row" +
      "\\pard " + unicodeEscaped("结束") + "\\par}";
    const doc = await extractDocument("report.doc", ascii(rtf));
    expect(doc.text.split("\n")).toEqual([
      "某某街道2023年政府信息公开工作年度报告",
      "正文",
      "三、本年度办理结果\t（一）予以公开\t7",
      "（三）不予公开\t1.\t0",
      "结束",
    ]);
    expect(doc.tables.map((g) => g.map((r) => r.map((c) => c.text)))).toEqual([
      [
        ["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "7"],
        ["三、本年度办理结果", "（三）不予公开", "1.", "0"],
      ],
    ]);
    expect(doc.tables[0][1][0].origin).toBe(false);
  });

  it("keeps field results and drops field instructions", async () => {
    const rtf = "{\\rtf1\\ansi{\\field{\\*\\fldinst HYPERLINK \"http://x\"}{\\fldrslt link text}} after\\par}";
    const doc = await extractDocument("f.rtf", ascii(rtf));
    expect(doc.text).toBe("link text after");
  });

  it("reports an RTF file without text as empty, naming it", async () => {
    await expect(extractDocument("blank.rtf", ascii("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\par}"))).rejects.toMatchObject({
      code: "empty_file",
      message: expect.stringContaining("blank.rtf"),
    });
  });
});
