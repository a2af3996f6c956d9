/**
 * Variations real sites print that the fixtures do not show: labels without their numbering,
 * other punctuation and digits, other words for the same row. Each gold report is rendered in
 * several layout families, varied, and must read back to the same values.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, parseFile } from "../index";
import { FIXTURES, firstReadings, listFixtures, mismatches, readGold, stemOf, type Gold } from "../test-support/gold";
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

function readBack(stem: string, gold: Gold, layout: TextLayout, vary: (t: string) => string, zerosBlank = false): string[] {
  const want = firstReadings(gold);
  const text = vary(renderText(gold.format, want, layout));
  if (zerosBlank) for (const k of Object.keys(want)) if (want[k] === 0) want[k] = null;
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
  [
    "typos in row labels of tables 二 and 三 (one character wrong, missing or extra)",
    (t) =>
      t
        .replace("行政许可", "行政许中")
        .replace("行政处罚", "行政出罚")
        .replace(/(?<!行政)规范性文件/, "范性文件")
        .replace("行政事业性收费", "行政事业性收")
        .replace("本年新收政府信息公开申请数量", "本年新政府信息公开申请数量")
        .replace("逾期不补正", "逾期不要补正"),
    ["rows-space", "rows-tab", "cell-per-line", "markdown"],
  ],
  [
    "sentences with numbers inside sections 二, 三 and 四 (before or after a table)",
    (t) =>
      t
        .replace("二、主动公开政府信息情况", "二、主动公开政府信息情况\n本年度制发规范性文件3件，废止1件，处理行政许可1200件。")
        .replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请25件，其中自然人申请20件，按时办结率100%。")
        .replace(/(四、政府信息公开行政复议[^\n]*)/, "$1\n本年度发生行政复议案件2件。"),
    ["rows-space", "rows-tab", "cell-per-line", "markdown", "column-major", "labels-then-rows"],
  ],
  [
    "group titles printed with subtotal numbers ((三)不予公开 | 0 | 0 …)",
    (t) => t.replace(/^（([三四五])）(不予公开|无法提供|不予处理)$/gm, "（$1）$2 0 0 0 0 0 0 0"),
    ["rows-space", "rows-space-lost"],
  ],
  [
    "bare page numbers (4, not - 4 -) at page breaks, a running header at the top of the next page",
    (t) => t.replace(/^- 4 -\n\f/gm, "4\n\f\n某某区人民政府2023年政府信息公开工作年度报告"),
    ["column-major", "column-major-carry", "labels-then-rows"],
  ],
];

describe.each(VARIANTS)("variant: %s", (_name, vary, layouts) => {
  it.each(reports)("%s reads back", (stem, gold) => {
    for (const layout of layouts) expect(readBack(stem, gold, layout, vary), layout).toEqual([]);
  });
});

describe("pipe rows with empty cells for blanks (converters, crawled site text without a leading pipe)", () => {
  const emptyCells = (t: string) => t.replace(/\| - (?=\|)/g, "|  ");
  const noLeadingPipe = (t: string) => emptyCells(t.replace(/^\| (.*) \|$/gm, "$1 | |"));
  it.each(reports)("%s reads back", (stem, gold) => {
    expect(readBack(stem, gold, "markdown", emptyCells), "empty cells").toEqual([]);
    // A table 四 row left wholly blank prints nothing at all without its leading pipe.
    const blankReviewGroup = Object.entries(firstReadings(gold)).some(([k, v]) => /^(review|litigation)\./.test(k) && v === null);
    if (!blankReviewGroup) expect(readBack(stem, gold, "markdown", noLeadingPipe), "no leading pipe").toEqual([]);
  });
});

/** PDF text where a row label wraps and its numbers sit on the label's first or middle line. */
function wrapLabels(at: number, numbersOwnLine: boolean) {
  return (t: string) =>
    t.replace(/^((?:\d\.)?[^\n\d]{9,}?)((?: (?:-?\d+(?:\.\d+)?|\/))+)$/gm, (_m, label: string, nums: string) => {
      const cut = Math.floor(label.length * at);
      return numbersOwnLine ? `${label.slice(0, cut)}\n${nums.trim()}\n${label.slice(cut)}` : `${label.slice(0, cut)}${nums}\n${label.slice(cut)}`;
    });
}

describe("wrapped row labels with the numbers inside them (PDF text)", () => {
  it.each(reports)("%s reads back", (stem, gold) => {
    const complete = !Object.values(firstReadings(gold)).some((v) => v === null);
    for (const layout of complete ? (["rows-space", "rows-space-lost"] as const) : (["rows-space"] as const)) {
      expect(readBack(stem, gold, layout, wrapLabels(0.5, true)), `${layout}, numbers on their own line`).toEqual([]);
      expect(readBack(stem, gold, layout, wrapLabels(1 / 3, false)), `${layout}, numbers on the first line`).toEqual([]);
    }
  });
});

describe("zeros printed as '—' or '/' (blank cells, null)", () => {
  // Several rows named, then their numbers one row per line: a row of marks is a printed row.
  // A row `— 1 —` or `10 / 153` is not a page number there.
  const marks = (mark: string) => (t: string) => t.replace(/(?<=^|[ \t|])0(?=$|[ \t|])/gm, mark);
  it.each(reports)("%s reads back", (stem, gold) => {
    for (const mark of ["—", "/"]) {
      for (const layout of ["rows-space", "labels-then-rows", "markdown"] as const) {
        expect(readBack(stem, gold, layout, marks(mark), true), `${layout} ${mark}`).toEqual([]);
      }
    }
  });
});

/** Real HTML tables as site editors vary them: the rendered template pages, changed. */
const HTML_VARIANTS: Array<[string, (html: string) => string]> = [
  ["labels spaced out character by character (`3 . 其 他`)", (t) =>
    t.replace(/class="label">([^<]+)</g, (_m, l: string) => `class="label">${l.split("").join(" ")}<`)],
  ["table 四 as a 行政复议 row and a 行政诉讼 row (short row padded to the table width)", (t) =>
    t.replace(
      /(<table class="legal">[\s\S]*?)<tr>((?:<td>[^<]*<\/td>){5})((?:<td>[^<]*<\/td>){10})<\/tr>/,
      "$1<tr><td>行政复议</td>$2</tr><tr><td>行政诉讼</td>$3</tr>",
    )],
  ["the site's own tables around the report (索引号, 发布日期 2024-01-05, 浏览次数, 相关链接)", (t) =>
    t
      .replace(
        "<body>",
        "<body><table><tr><td>索引号</td><td>11350128/2024-00012</td><td>发布机构</td><td>办公室</td></tr><tr><td>发布日期</td><td>2024-01-05</td><td>浏览次数</td><td>356</td></tr></table>",
      )
      .replace("</body>", "<table><tr><td>相关链接</td><td>2023年财政预算公开</td><td>2023-12-01</td></tr><tr><td>访问量</td><td>12345</td></tr></table></body>")],
];
const htmlPages = listFixtures("rendered").filter((f) => f.endsWith(".html"));

describe.each(HTML_VARIANTS)("HTML variant: %s", (_name, vary) => {
  it.each(htmlPages)("%s reads back", async (file) => {
    const html = vary(readFileSync(join(FIXTURES, "rendered", file), "utf8"));
    const result = await parseFile(file, new TextEncoder().encode(html));
    if (!result.ok) throw new Error(result.error.message);
    expect(mismatches(readGold("rendered-gold", stemOf(file)), result.values)).toEqual([]);
  });
});
