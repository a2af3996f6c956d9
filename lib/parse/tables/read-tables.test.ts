import { describe, expect, it } from "vitest";
import { APPLICATION_ROWS, type ReportFormat, type ReportValues } from "../../report/catalog";
import { firstReadings, readGold } from "../test-support/gold";
import { renderGrids, renderText, TEXT_LAYOUTS } from "../test-support/render-layouts";
import { readTables, tableRegion } from "./read-tables";

const doc = (text: string) => ({ kind: "text" as const, text, tables: [], warnings: [] });

function report(format: ReportFormat, change: (v: ReportValues) => void = () => {}): ReportValues {
  const gold = readGold("gold", format === "2019" ? "011_pingtan_finance_bureau_2020_spacesep" : "005_hongze_district_gov_2024_pdf_pypdf");
  const v = firstReadings(gold);
  change(v);
  return v;
}

describe("readTables", () => {
  it("decides the format from the printed tables, not from the year", () => {
    const text = renderText("2019", report("2019"), "rows-space").replace(/2023年/g, "2022年");
    expect(readTables(doc(text))?.format).toBe("2019");
  });

  it("converts an amount in 元 named only by the column header", () => {
    const v = report("2019", (x) => (x["active.procurement.amount"] = 251000));
    const text = renderText("2019", v, "rows-space").replace("采购总金额（万元）", "采购总金额（元）");
    const r = readTables(doc(text))!;
    expect(r.values["active.procurement.amount"]).toBeCloseTo(25.1, 6);
    expect(r.warnings.some((w) => w.includes("元"))).toBe(true);
  });

  it("reads a single 2019-style （六） row with numbers in a 2021 report as other.misc, and says so", () => {
    const v = report("2021");
    const text = renderText("2021", v, "rows-space")
      .replace(/（六）其他处理\n[^\n]*\n[^\n]*\n3\.其他 ([^\n]*)/, "（六）其他处理 2 0 0 0 0 0 2");
    const r = readTables(doc(text))!;
    expect(r.values["apps.other.misc.total"]).toBe(2);
    expect(r.values["apps.other.no_correction.total"]).toBeNull();
    expect(r.warnings.some((w) => w.includes("（六）其他处理"))).toBe(true);
  });

  it("sums the 2021 （六） sub-rows when a 2019 report prints them", () => {
    const lines = renderText("2019", report("2019"), "rows-space").replace(
      /（六）其他处理 [^\n]*/,
      "（六）其他处理\n1.申请人无正当理由逾期不补正 1 0 0 0 0 0 1\n2.申请人逾期未按收费通知要求缴纳费用 0 0 0 0 0 0 0\n3.其他 2 0 0 0 0 0 2",
    );
    const r = readTables(doc(lines.replace("本年新制作数量", "本年新制作数量")))!;
    expect(r.format).toBe("2019");
    expect(r.values["apps.other.combined.total"]).toBe(3);
    expect(r.values["apps.other.combined.natural"]).toBe(3);
  });

  it("reads six zeros for seven cells as zeros and warns; places one missing cell by the row sum", () => {
    const text = renderText("2021", report("2021"), "rows-space")
      .replace(/一、本年新收政府信息公开申请数量 [^\n]*/, "一、本年新收政府信息公开申请数量 95 0 0 0 0 95")
      .replace(/二、上年结转政府信息公开申请数量 [^\n]*/, "二、上年结转政府信息公开申请数量 0 0 0 0 0 0");
    const r = readTables(doc(text))!;
    expect(r.values["apps.carried_over.natural"]).toBe(0);
    expect(r.warnings).toContain("apps.carried_over: 6 numbers for 7 cells; all zero, read as zeros");
    expect(r.values["apps.new.total"]).toBe(95);
    expect(r.warnings.some((w) => w.startsWith("apps.new: 6 numbers for 7 cells"))).toBe(true);
  });

  it("reports every row of both formats", () => {
    for (const format of ["2019", "2021"] as const) {
      const r = readTables(doc(renderText(format, report(format), "rows-tab")))!;
      const rows = APPLICATION_ROWS.filter((a) => a.formats.includes(format));
      expect(r.found.appRows).toBe(rows.length);
      expect(r.found.review).toBe(true);
    }
  });

  it("keeps narrative numbers out of the tables", () => {
    const text = "一、总体情况\n本年共受理政府信息公开申请95件，其中予以公开50件。\n" + renderText("2021", report("2021"), "rows-space");
    const { start } = tableRegion(text);
    expect(text.slice(start)).not.toContain("其中予以公开50件");
    expect(readTables(doc(text))!.values["apps.granted.total"]).toBe(50);
  });
});

describe("table 四 layouts", () => {
  it("reads a table 四 printed with one row per result", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const head = base.slice(0, base.indexOf("四、政府信息公开行政复议"));
    const text = `${head}四、政府信息公开行政复议、行政诉讼情况
项目 行政复议 未经复议直接起诉 复议后起诉
结果维持 1 2 3
结果纠正 0 1 0
其他结果 0 0 1
尚未审结 4 0 0
总计 5 3 4
五、存在的主要问题及改进情况`;
    const r = readTables(doc(text))!;
    expect(r.values["review.upheld"]).toBe(1);
    expect(r.values["litigation.direct.upheld"]).toBe(2);
    expect(r.values["litigation.after_review.other"]).toBe(1);
    expect(r.values["review.total"]).toBe(5);
    expect(r.values["litigation.after_review.total"]).toBe(4);
  });
});

describe("header rows", () => {
  it("column numbers printed under the applicant headers are not a data row", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const text = base.replace(/(法律服务机构 其他\n)/, "$1（1） 1 2 3 4 5 6 7\n").replace("法律服务机构 其他", "法律服务机构 其他\n1 2 3 4 5 6 7");
    const r = readTables(doc(text))!;
    expect(r.values["apps.new.natural"]).toBe(95);
    expect(r.values["apps.new.total"]).toBe(95);
  });
});

describe("empty cells lost in PDF text", () => {
  it("places the blanks where the columns add up, or where the usual applicant mix puts them", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const text = base
      .replace(/一、本年新收政府信息公开申请数量 [^\n]*/, "一、本年新收政府信息公开申请数量 821 35 2 1 859")
      .replace(/（一）予以公开 [^\n]*/, "（一）予以公开 258 12 1 1");
    const r = readTables(doc(text))!;
    expect(["natural", "business", "research", "nonprofit", "legal", "other", "total"].map((c) => r.values[`apps.new.${c}`])).toEqual([
      821, 35, null, null, 2, 1, 859,
    ]);
    expect(r.values["apps.granted.natural"]).toBe(258);
    expect(r.values["apps.granted.total"]).toBeNull();
    expect(r.warnings.some((w) => w.startsWith("apps.new: 5 numbers for 7 cells") && w.includes("empty cells assumed"))).toBe(true);
  });

  it("still cuts glued digits when the blanks are printed as marks", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const text = base.replace(/一、本年新收政府信息公开申请数量 [^\n]*/, "一、本年新收政府信息公开申请数量 905 / / / / 95");
    const r = readTables(doc(text))!;
    expect(r.values["apps.new.natural"]).toBe(90);
    expect(r.values["apps.new.business"]).toBe(5);
  });
});

describe("table 四 with empty cells lost", () => {
  it("puts the printed numbers where each group adds up", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const head = base.slice(0, base.indexOf("四、政府信息公开行政复议"));
    const text = `${head}四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n5 2 7 8 1 9\n五、存在的主要问题及改进情况`;
    const r = readTables(doc(text))!;
    const keys = ["review", "litigation.direct", "litigation.after_review"].flatMap((g) =>
      ["upheld", "corrected", "other", "pending", "total"].map((x) => `${g}.${x}`),
    );
    expect(keys.map((k) => r.values[k])).toEqual([5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);
  });
});

describe("stray numbers", () => {
  it("keeps the seven cells that add up when a page number sits before a row's numbers", () => {
    const base = renderText("2021", report("2021"), "rows-space");
    const text = base.replace(/一、本年新收政府信息公开申请数量 ([^\n]*)/, "一、本年新收政府信息公开申请数量\n4\n$1");
    const r = readTables(doc(text))!;
    expect(r.values["apps.new.natural"]).toBe(95);
    expect(r.values["apps.new.total"]).toBe(95);
  });

  it("reads a 2019 change written in words (增加3, 减少2) as a signed cell", () => {
    const v = report("2019", (x) => {
      x["active.licensing.prev"] = 5;
      x["active.licensing.change"] = 3;
      x["active.penalty.prev"] = 4;
      x["active.penalty.change"] = -2;
    });
    for (const layout of ["rows-space", "rows-tab"] as const) {
      const text = renderText("2019", v, layout)
        .replace(/^(行政许可\s+5\s+)3/m, "$1增加3")
        .replace(/^(行政处罚\s+4\s+)-2/m, "$1减少2");
      expect(text).toContain("减少2");
      const r = readTables(doc(text))!;
      expect(r.values["active.licensing.change"]).toBe(3);
      expect(r.values["active.licensing.decisions"]).toBe(v["active.licensing.decisions"]);
      expect(r.values["active.penalty.change"]).toBe(-2);
      expect(r.values["active.penalty.prev"]).toBe(4);
    }
  });

  it("converts an amount printed with 万 or 亿 (or 亿元 in the header) to 万元", () => {
    const v = report("2019", (x) => {
      x["active.procurement.items"] = 3;
      x["active.procurement.amount"] = 12000;
    });
    const base = renderText("2019", v, "rows-space").replace("采购总金额（万元）", "采购总金额");
    expect(readTables(doc(base.replace(/12000\b/, "1.2亿")))!.values["active.procurement.amount"]).toBe(12000);
    expect(readTables(doc(base.replace(/12000\b/, "12000万元")))!.values["active.procurement.amount"]).toBe(12000);
    const inYi = renderText("2019", v, "rows-space").replace("采购总金额（万元）", "采购总金额（亿元）").replace(/12000\b/, "1.2");
    const r = readTables(doc(inYi))!;
    expect(r.values["active.procurement.amount"]).toBe(12000);
    expect(r.warnings.some((w) => w.includes("亿元"))).toBe(true);
  });

  it("keeps a narrative that repeats the rows' words and numbers (…数量 95 件，其中…) out of the table, in every layout", () => {
    const v = report("2021");
    const said =
      `本年新收政府信息公开申请数量 ${v["apps.new.total"]} 件，其中自然人 ${v["apps.new.natural"]} 件，` +
      `上年结转 ${v["apps.carried_over.total"]} 件。予以公开 ${v["apps.granted.total"]}件。`;
    for (const layout of TEXT_LAYOUTS) {
      const text = renderText("2021", v, layout).replace(/(三、收到和处理政府信息公开申请情况)/, `$1\n${said}\n`);
      expect(text).toContain(said);
      const r = readTables(doc(text))!;
      for (const row of ["new", "carried_over", "granted"]) {
        for (const col of ["natural", "business", "total"]) expect(r.values[`apps.${row}.${col}`], `${layout} ${row}.${col}`).toBe(v[`apps.${row}.${col}`]);
      }
    }
  });

  it("reads empty pipe cells between or after printed zeros as blanks, not as a zero row with a lost cell", () => {
    const v = report("2021", (x) => {
      x["active.fees"] = null;
      x["apps.granted.natural"] = null;
      x["apps.granted.other"] = null;
      x["apps.granted.total"] = 0;
    });
    for (const x of ["apps.granted.business", "apps.granted.research", "apps.granted.nonprofit", "apps.granted.legal"]) expect(v[x]).toBe(0);
    const md = renderText("2021", v, "markdown").replace(/\| - (?=\|)/g, "|  ");
    expect(md).toMatch(/予以公开 \|  \| 0 \| 0 \| 0 \| 0 \|  \| 0 \|/);
    const withoutLeadingPipe = md.replace(/^\| (.*) \|$/gm, "$1 |");
    for (const text of [md, withoutLeadingPipe]) {
      const r = readTables(doc(text))!;
      expect(r.values["apps.granted.natural"]).toBeNull();
      expect(r.values["apps.granted.other"]).toBeNull();
      expect(r.values["apps.granted.business"]).toBe(0);
      expect(r.values["apps.granted.total"]).toBe(0);
    }
    const v19 = report("2019", (x) => {
      x["active.fees.prev"] = 0;
      x["active.fees.change"] = null;
      x["active.procurement.items"] = 2;
      x["active.procurement.amount"] = null;
    });
    const md19 = renderText("2019", v19, "markdown").replace(/\| - (?=\|)/g, "|  ");
    expect(md19).toContain("| 行政事业性收费 | 0 |  |");
    const r = readTables(doc(md19))!;
    expect(r.values["active.fees.prev"]).toBe(0);
    expect(r.values["active.fees.change"]).toBeNull();
    expect(r.values["active.procurement.items"]).toBe(2);
    expect(r.values["active.procurement.amount"]).toBeNull();
  });

  it("reads a group label split after 无 (无 / 法提供) as words, not as a blank cell, in every layout", () => {
    const v = report("2021");
    // Line-based layouts (Markdown rows and flattened text keep a label on one line).
    for (const layout of TEXT_LAYOUTS.filter((l) => l !== "markdown" && l !== "flat")) {
      const text = renderText("2021", v, layout)
        .replace(/（[一二三四五六七]）/g, "")
        .replace(/^(\t?)无法提供/m, "$1无\n$1法提供");
      expect(text).toMatch(/无\n\t?法提供/);
      const r = readTables(doc(text))!;
      for (const key of ["apps.new.natural", "apps.new.total", "apps.unavailable.not_held.total", "apps.total.total", "apps.carried_forward.total"]) {
        expect(r.values[key], `${layout} ${key}`).toBe(v[key]);
      }
    }
  });

  it("reads table 三 with its 总计 column printed first, or with an extra 合计 column for legal persons", () => {
    const v = report("2021", (x) => {
      x["apps.new.natural"] = 90;
      x["apps.new.business"] = 3;
      x["apps.new.legal"] = 2;
      x["apps.total.natural"] = 90;
      x["apps.total.business"] = 3;
      x["apps.total.legal"] = 2;
      x["apps.granted.natural"] = 45;
      x["apps.granted.business"] = 3;
      x["apps.granted.legal"] = 2;
    });
    const base = renderText("2021", v, "rows-space");
    const rowRe = /^(\S.*?[^\d ]) ((?:\d+ ){6}\d+)$/gm;
    const totalFirst = base
      .replace(/申请人情况 自然人 法人或其他组织 总计/, "申请人情况 总计 自然人 法人或其他组织")
      .replace(rowRe, (_, label: string, cells: string) => {
        const n = cells.split(" ");
        return `${label} ${[n[6], ...n.slice(0, 6)].join(" ")}`;
      });
    const withSubtotal = base
      .replace(/其他(\s*)$/m, "其他 合计")
      .replace(rowRe, (_, label: string, cells: string) => {
        const n = cells.split(" ").map(Number);
        return `${label} ${[...n.slice(0, 6), n.slice(1, 6).reduce((a, b) => a + b, 0), n[6]].join(" ")}`;
      });
    expect(totalFirst).toContain("一、本年新收政府信息公开申请数量 95 90 3 0 0 2 0");
    expect(withSubtotal).toContain("一、本年新收政府信息公开申请数量 90 3 0 0 2 0 5 95");
    for (const text of [totalFirst, withSubtotal]) {
      const r = readTables(doc(text))!;
      for (const row of ["new", "granted", "partial", "total", "carried_forward"]) {
        for (const col of ["natural", "business", "legal", "other", "total"]) expect(r.values[`apps.${row}.${col}`], `${row}.${col}`).toBe(v[`apps.${row}.${col}`]);
      }
    }
  });

  it("weighs a glued procurement run by the amount's unit named in the column header (元)", () => {
    const v = report("2019", (x) => {
      x["active.procurement.items"] = 14;
      x["active.procurement.amount"] = 356.78;
    });
    const text = renderText("2019", v, "flat").replace("采购总金额（万元）", "采购总金额（元）").replace("356.78", "3567800");
    expect(text).toContain("政府集中采购143567800");
    const r = readTables(doc(text))!;
    expect(r.values["active.procurement.items"]).toBe(14);
    expect(r.values["active.procurement.amount"]).toBeCloseTo(356.78, 6);
  });

  it("joins a Word table row whose numbers were typed on two rows under one merged label", () => {
    const v = report("2021", (x) => {
      x["apps.new.natural"] = 90;
      x["apps.new.business"] = 3;
      x["apps.new.legal"] = 2;
      x["apps.total.natural"] = 90;
      x["apps.total.business"] = 3;
      x["apps.total.legal"] = 2;
    });
    const grids = renderGrids("2021", v);
    const split: typeof grids.tables[1] = [];
    for (const [ri, row] of grids.tables[1].entries()) {
      if (ri < 3 || !/新收|（七）总计/.test(row.map((c) => c.text).join(""))) {
        split.push(row);
        continue;
      }
      // Label cells merged over both rows; the first four numbers on the first row, the rest on the second.
      split.push(row.map((c, ci) => (ci < 3 ? { ...c, rowSpan: c.origin ? 2 : c.rowSpan } : ci < 7 ? c : { ...c, text: "" })));
      split.push(row.map((c, ci) => (ci < 3 ? { ...c, origin: false } : ci < 7 ? { ...c, text: "" } : c)));
    }
    expect(split.length).toBe(grids.tables[1].length + 2);
    const r = readTables({ ...grids, tables: [grids.tables[0], split, grids.tables[2]] })!;
    for (const row of ["new", "total"]) {
      for (const col of ["natural", "business", "legal", "other", "total"]) expect(r.values[`apps.${row}.${col}`], `${row}.${col}`).toBe(v[`apps.${row}.${col}`]);
    }
  });

  it("does not give the column numbers printed under table 三's headers (1 … 7) to the first row named after them", () => {
    const v = report("2021");
    for (const layout of ["column-major", "labels-then-rows"] as const) {
      const text = renderText("2021", v, layout).replace(/(其他\s*\n)(一、本年新收)/, "$1 1 2 3 4 5 6 7\n$2");
      expect(text).toContain(" 1 2 3 4 5 6 7\n一、本年新收");
      const r = readTables(doc(text))!;
      for (const key of ["apps.new.natural", "apps.new.total", "apps.carried_over.total", "apps.granted.natural", "apps.total.total"]) {
        expect(r.values[key], `${layout} ${key}`).toBe(v[key]);
      }
    }
  });

  it("reads groups and items numbered with Arabic or circled digits ((7)总计, (3)其他, ③其他) in every layout", () => {
    const v = report("2021");
    const cn = "一二三四五六七";
    const variants: Array<[string, (t: string) => string]> = [
      ["(1) groups", (t) => t.replace(/（([一二三四五六七])）/g, (_, c: string) => `（${cn.indexOf(c) + 1}）`)],
      ["(1) items", (t) => t.replace(/^(\t?|\| )(\d)\./gm, "$1（$2）")],
      ["circled items", (t) => t.replace(/^(\t?|\| )(\d)\./gm, (_, p: string, d: string) => p + "①②③④⑤⑥⑦⑧"[Number(d) - 1])],
    ];
    for (const layout of TEXT_LAYOUTS) {
      for (const [name, vary] of variants) {
        const base = renderText("2021", v, layout);
        const text = vary(base);
        if (text === base) {
          // Flattened text has no line starts for the items.
          expect(layout).toBe("flat");
          continue;
        }
        const r = readTables(doc(text))!;
        for (const key of ["apps.other.misc.natural", "apps.other.misc.total", "apps.total.natural", "apps.total.total", "apps.unavailable.needs_creation.natural", "apps.carried_forward.total"]) {
          expect(r.values[key], `${layout} ${name} ${key}`).toBe(v[key]);
        }
      }
    }
  });
});
