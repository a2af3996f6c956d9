import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELDS, keysForFormat, type ReportFormat, type ReportValues } from "../../lib/report/catalog";
import { checkAcrossYears, checkReport, type Check } from "../../lib/report/relations";
import {
  activeBlocks,
  activeKeys,
  applicationLayout,
  describeBrokenChecks,
  describeCheck,
  highlightedCells,
  parseInputValue,
  reviewLayout,
  splitFieldLabel,
} from "./report-table-model";

const GOLD = join(__dirname, "../../lib/parse/__fixtures__/rendered-gold");

function gold(stem: string): { format: ReportFormat; values: ReportValues } {
  const g = JSON.parse(readFileSync(join(GOLD, `${stem}.json`), "utf8"));
  return { format: g.format, values: g.values };
}

function zeros(format: ReportFormat): ReportValues {
  return Object.fromEntries(keysForFormat(format).map((k) => [k, 0]));
}

describe("layout covers the catalog exactly", () => {
  for (const format of ["2019", "2021"] as const) {
    it(`${format}: tables 二, 三 and 四 show every key of the format once`, () => {
      const shown = [
        ...activeKeys(format),
        ...applicationLayout(format, "zh").flatMap((r) => r.keys),
        ...reviewLayout("zh").reconsideration.keys,
        ...reviewLayout("zh").litigation.groups.flatMap((g) => g.keys),
      ];
      expect(new Set(shown).size).toBe(shown.length);
      expect([...shown].sort()).toEqual([...keysForFormat(format)].sort());
    });
  }

  it("table 三 has 25 rows in 2021 and 23 in 2019 (175 and 161 cells), grouped reasons spanning their rows", () => {
    const rows2021 = applicationLayout("2021", "zh");
    expect(rows2021).toHaveLength(25);
    expect(applicationLayout("2019", "zh")).toHaveLength(23);
    const denied = rows2021.filter((r) => r.rowKey.startsWith("denied."));
    expect(denied[0].group).toEqual({ label: "（三）不予公开", span: 8 });
    expect(denied.slice(1).every((r) => r.group === undefined)).toBe(true);
    expect(denied[0].label).toBe("1.属于国家秘密");
    // 三、本年度办理结果 spans (一) … (七)总计.
    const outcomesStart = rows2021.find((r) => r.outcomesSpan !== undefined);
    expect(outcomesStart?.rowKey).toBe("granted");
    expect(outcomesStart?.outcomesSpan).toBe(22);
    expect(rows2021.find((r) => r.rowKey === "total")?.kind).toBe("single");
    expect(rows2021.find((r) => r.rowKey === "new")?.kind).toBe("top");
  });

  it("labels come from the catalog, in either language", () => {
    expect(splitFieldLabel("active.rules.issued", "zh")).toEqual({ row: "规章", column: "本年制发件数" });
    expect(splitFieldLabel("active.rules.issued", "en")).toEqual({ row: "Rules", column: "issued this year" });
    expect(activeBlocks("2019", "en").map((b) => b.article)).toEqual(["Art. 20 (1)", "Art. 20 (5)", "Art. 20 (6)", "Art. 20 (8)", "Art. 20 (9)"]);
    expect(activeBlocks("2021", "zh")[0].article).toBe("第二十条第（一）项");
    const en = reviewLayout("en");
    expect(en.litigation.label).toBe("Litigation");
    expect(en.litigation.groups.map((g) => g.label)).toEqual(["filed directly", "after reconsideration"]);
    // Every zh field label splits into a row and a column part.
    for (const f of FIELDS.filter((x) => x.section === "active")) {
      expect(splitFieldLabel(f.key, "zh").column).not.toBe("");
    }
  });
});

describe("highlighted cells", () => {
  it("are exactly the cells of the failed checks, never those only in holding ones", () => {
    const { format, values } = gold("026_pingtan_zone_2020_flattext");
    const checks = checkReport(format, values);
    const failed = checks.filter((c) => !c.ok);
    expect(failed.length).toBeGreaterThan(0);
    const marked = highlightedCells(checks);
    const expected = new Set(failed.flatMap((c) => [...c.leftKeys, ...c.rightKeys]));
    expect(new Set(marked.keys())).toEqual(expected);
    const onlyHolding = checks
      .filter((c) => c.ok)
      .flatMap((c) => [...c.leftKeys, ...c.rightKeys])
      .filter((k) => !expected.has(k));
    expect(onlyHolding.length).toBeGreaterThan(0);
    for (const k of onlyHolding) expect(marked.has(k)).toBe(false);
  });

  it("number each cell with every broken relation it takes part in", () => {
    const values = zeros("2021");
    values["apps.new.natural"] = 7;
    values["apps.new.total"] = 7;
    const checks = checkReport("2021", values);
    const marked = highlightedCells(checks);
    const broken = checks.filter((c) => !c.ok);
    // The total column's balance (7 + 0 ≠ 0 + 0) and natural's both break; the new row's sum holds.
    const withNewTotal = broken
      .map((c, i) => ({ c, n: i + 1 }))
      .filter(({ c }) => c.leftKeys.includes("apps.new.total") || c.rightKeys.includes("apps.new.total"))
      .map(({ n }) => n);
    expect(marked.get("apps.new.total")).toEqual(withNewTotal);
    expect(marked.has("apps.granted.business")).toBe(false);
  });

  it("leave out the previous year's cells of an across-year check", () => {
    const prev = zeros("2021");
    prev["apps.carried_forward.natural"] = 3;
    prev["apps.carried_forward.total"] = 3;
    const cur = zeros("2021");
    const checks = checkAcrossYears({ year: 2022, format: "2021", values: prev }, { year: 2023, format: "2021", values: cur });
    const marked = highlightedCells(checks);
    expect(marked.has("apps.carried_over.natural")).toBe(true);
    expect([...marked.keys()].some((k) => k.startsWith("prev:"))).toBe(false);
  });

  it("is empty when every relation holds", () => {
    const checks = checkReport("2021", zeros("2021"));
    expect(checks.length).toBeGreaterThan(0);
    expect(highlightedCells(checks).size).toBe(0);
    expect(describeBrokenChecks(checks, "zh")).toEqual([]);
  });
});

describe("broken relation text shows both sides", () => {
  it("reads like the spec's example for a column", () => {
    const values = zeros("2021");
    values["apps.new.natural"] = 3;
    values["apps.carried_over.natural"] = 4;
    const balance = checkReport("2021", values).find((c) => c.ruleId === "balance" && c.column === "natural");
    expect(balance?.ok).toBe(false);
    expect(describeCheck(balance as Check, 1, "zh").text).toBe(
      "自然人列：本年新收 + 上年结转 = 7，办理总计 + 结转下年度 = 0",
    );
    expect(describeCheck(balance as Check, 1, "en").text).toBe(
      "Natural persons column: New + carried over = 7; total handled + carried forward = 0",
    );
  });

  it("names the row of a row_total check and the group of a review check", () => {
    const { format, values } = gold("004_hongze_district_gov_2023_pdf_pypdf");
    const texts = describeBrokenChecks(checkReport(format, values), "zh").map((t) => t.text);
    expect(texts).toContain("行政复议：维持 + 纠正 + 其他 + 尚未审结 = 11，总计 = 0");
    const v = zeros("2021");
    v["apps.granted.natural"] = 2;
    const rowCheck = checkReport("2021", v).find((c) => c.ruleId === "row_total" && c.row === "granted");
    expect(describeCheck(rowCheck as Check, 1, "zh").text).toBe("（一）予以公开行：各类申请人之和 = 2，总计列 = 0");
  });

  it("names both sides in English where the rule reads as a sentence", () => {
    const check = { ruleId: "outcomes", ok: false, left: 27, right: 21, leftKeys: [], rightKeys: [], column: "total" };
    expect(describeCheck(check, 1, "en").text).toBe("Total column: Sum of the outcome rows = 27; total handled = 21");
  });

  it("works from a stored check that only has a scope", () => {
    const text = describeCheck(
      { ruleId: "outcomes", ok: false, left: 27, right: 21, leftKeys: [], rightKeys: [], scope: "total" },
      2,
      "zh",
    ).text;
    expect(text).toBe("总计列：各项办理结果之和 = 27，（七）总计 = 21");
  });

  it("puts in_force(N) on the side the check puts it", () => {
    const prev = zeros("2021");
    prev["active.rules.in_force"] = 10;
    const cur = zeros("2021");
    cur["active.rules.issued"] = 2;
    cur["active.rules.in_force"] = 5;
    const c = checkAcrossYears({ year: 2022, format: "2021", values: prev }, { year: 2023, format: "2021", values: cur }).find(
      (x) => x.ruleId === "in_force_across_years" && x.group === "rules",
    );
    expect(c?.ok).toBe(false);
    const t = describeCheck(c as Check, 1, "zh");
    expect(t.leftLabel).toBe("现行有效(N-1) + 本年制发 - 本年废止");
    expect(t.left).toBe(12);
    expect(t.rightLabel).toBe("现行有效(N)");
    expect(t.right).toBe(5);
    expect(t.scope).toBe("规章");
  });
});

describe("parseInputValue", () => {
  it("reads blank as null, numbers as numbers, and rejects the rest", () => {
    expect(parseInputValue("")).toBeNull();
    expect(parseInputValue("  ")).toBeNull();
    expect(parseInputValue("12")).toBe(12);
    expect(parseInputValue("-3.5")).toBe(-3.5);
    expect(parseInputValue("abc")).toBe("invalid");
  });
});
