import { describe, expect, it } from "vitest";
import { extractDocument } from "./index";
import { encodeGbk } from "./test-support/gbk";
import { findRow, fixtureBytes, goldCells, RENDERED_STEMS, renderedGold } from "./test-support/fixtures";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("HTML reader on the rendered reports", () => {
  it.each(RENDERED_STEMS)("%s: table 三 rows carry the gold numbers", async (stem) => {
    const doc = await extractDocument(`${stem}.html`, fixtureBytes(`rendered/${stem}.html`));
    const gold = renderedGold(stem);
    expect(doc.kind).toBe("html");
    expect(doc.tables).toHaveLength(3);
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toEqual(goldCells(gold, "apps.new"));
    expect(findRow(doc.tables, "结转下年度")!.slice(-7)).toEqual(goldCells(gold, "apps.carried_forward"));
    expect(findRow(doc.tables, "（七）总计")!.slice(-7)).toEqual(goldCells(gold, "apps.total"));
    // The same row appears in the text as one tab-joined line.
    const newLine = doc.text.split("\n").find((line) => line.includes("本年新收"))!;
    expect(newLine.split("\t").slice(1)).toEqual(goldCells(gold, "apps.new"));
  });

  it("resolves the two-level header of table 三: 自然人 spans two rows, 法人或其他组织 five columns", async () => {
    const doc = await extractDocument("000.html", fixtureBytes("rendered/000_a6a2db4cc44d7e31.html"));
    const apps = doc.tables[1];
    const natural = apps[1].findIndex((c) => c.text === "自然人");
    expect(apps[1][natural]).toMatchObject({ origin: true, rowSpan: 2, colSpan: 1 });
    expect(apps[2][natural]).toMatchObject({ text: "自然人", origin: false });
    expect(apps[1].filter((c) => c.text === "法人或其他组织")).toHaveLength(5);
    expect(apps[2].slice(natural + 1, natural + 6).map((c) => c.text)).toEqual(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    expect(apps.every((row) => row.length === apps[0].length)).toBe(true);
  });
});

describe("HTML reader on real government pages", () => {
  it.each([
    ["003_pingtan_zone_2019_flattext", "平潭综合实验区2019年度政府信息公开工作年度报告"],
    ["009_pingtan_public_security_bureau_2022_flattext", "平潭综合实验区公安局2022年政府信息公开工作年度报告"],
  ])("%s: finds the three tables inside the whole site page and drops its scripts", async (stem, title) => {
    const doc = await extractDocument(`${stem}.html`, fixtureBytes(`corpus/${stem}.html`));
    const gold = renderedGold(stem);
    expect(doc.tables.length).toBeGreaterThanOrEqual(3);
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toEqual(goldCells(gold, "apps.new"));
    expect(findRow(doc.tables, "（七）总计")!.slice(-7)).toEqual(goldCells(gold, "apps.total"));
    expect(doc.text).toContain(title);
    expect(doc.text).toContain("一、总体情况");
    expect(doc.text).not.toMatch(/function\s*\(|var\s+\w+\s*=|document\.write/);
  });

  it("003: keeps units inside cells and the repeated 三、本年度办理结果 label", async () => {
    const doc = await extractDocument("003.html", fixtureBytes("corpus/003_pingtan_zone_2019_flattext.html"));
    expect(findRow(doc.tables, "政府集中采购")).toEqual(["政府集中采购", "135", "75394432.52元", "75394432.52元"]);
    expect(doc.text.split("\n").filter((l) => l.startsWith("三、本年度办理结果\t"))).toHaveLength(2);
  });

  it("016: reads HTML stored in a JavaScript string; &nbsp; cells are blank", async () => {
    const stem = "016_shanghai_municipal_gov_office_2019_html_in_js";
    const doc = await extractDocument(`${stem}.txt`, fixtureBytes(`corpus/${stem}.txt`));
    const gold = renderedGold(stem);
    expect(doc.kind).toBe("html");
    expect(doc.warnings.join()).toMatch(/JavaScript/);
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toEqual(goldCells(gold, "apps.new"));
    expect(findRow(doc.tables, "本年新收")!.slice(-7)).toContain("");
    expect(doc.text).toContain("2019年上海市人民政府办公厅政府信息公开工作年度报告");
    expect(doc.text).not.toContain('\\"');
    expect(doc.text).not.toMatch(/let content/);
  });
});

describe("HTML structure", () => {
  it("puts block elements on their own lines, joins <br> inside cells, blanks &nbsp; cells", async () => {
    const html =
      "<html><body><nav>首页 | 政务公开</nav><div class='main'><h1>某街道2023年报告</h1><p>第一段<b>加粗</b>文字。</p>" +
      "<table><tr><td>申请人<br/>情况</td><td>&nbsp;</td><td>\u3000</td><td> 5 </td></tr></table>" +
      "<script>var x = '<p>not text</p>';</script><style>p{color:red}</style><div class='footer'>版权所有</div></div></body></html>";
    const doc = await extractDocument("page.html", utf8(html));
    expect(doc.text.split("\n")).toEqual(["某街道2023年报告", "第一段加粗文字。", "申请人情况\t\t\t5"]);
    expect(doc.tables[0][0].map((c) => c.text)).toEqual(["申请人情况", "", "", "5"]);
  });

  it("keeps a report that a site wraps in a footer-named container", async () => {
    const paragraph = "本机关认真贯彻落实政府信息公开条例，".repeat(20);
    const html = `<div class="footer-links"><a>网站地图</a><a>联系我们</a></div><div class="article-footer-content"><p>${paragraph}</p></div>`;
    const doc = await extractDocument("wrapped.html", utf8(html));
    expect(doc.text).toBe(paragraph);
  });

  it("reads a data table nested inside a layout table as its own grid, the layout as text", async () => {
    const narrative = "这是正文。".repeat(100);
    const html =
      `<table><tr><td><p>${narrative}</p><table><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>` +
      "<p>结束语</p></td></tr></table>";
    const doc = await extractDocument("nested.htm", utf8(html));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].map((r) => r.map((c) => c.text))).toEqual([["规章", "1"], ["规范性文件", "2"]]);
    expect(doc.text.split("\n")).toEqual([narrative, "规章\t1", "规范性文件\t2", "结束语"]);
  });

  it("survives 10,000 levels of nested elements", async () => {
    const depth = 10_000;
    const divs = "<div>".repeat(depth) + "深处的文字" + "</div>".repeat(depth);
    const doc = await extractDocument("deep.html", utf8(`<html><body>${divs}</body></html>`));
    expect(doc.text).toBe("深处的文字");
    const tables = "<table><tr><td>".repeat(depth) + "格" + "</td></tr></table>".repeat(depth);
    const nested = await extractDocument("deep-tables.html", utf8(`<html><body>${tables}</body></html>`));
    expect(nested.text).toContain("格");
  });
});

describe("HTML encodings", () => {
  const page = (charset: string) =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>t</title></head>` +
    "<body><p>某某街道2023年政府信息公开工作年度报告</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>5</td></tr></table></body></html>";

  it("honours <meta charset=gb2312>", async () => {
    const doc = await extractDocument("gbk.html", encodeGbk(page("gb2312")));
    expect(doc.text).toContain("某某街道2023年政府信息公开工作年度报告");
    expect(findRow(doc.tables, "本年新收")).toEqual(["一、本年新收政府信息公开申请数量", "5"]);
  });

  it("falls back to GB18030 for an undeclared non-UTF-8 page and says so", async () => {
    const doc = await extractDocument("nometa.html", encodeGbk(page("").replace(/<meta[^>]*>/, "")));
    expect(doc.text).toContain("某某街道2023年政府信息公开工作年度报告");
    expect(doc.warnings.join()).toMatch(/GB18030/);
  });

  it("trusts valid UTF-8 bytes over a stale gbk declaration, with a warning", async () => {
    const doc = await extractDocument("stale.html", utf8(page("gbk")));
    expect(doc.text).toContain("某某街道2023年政府信息公开工作年度报告");
    expect(doc.warnings.join()).toMatch(/declares charset gbk/);
  });
});
