import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keysForFormat, type ReportValues } from "./catalog";
import { checkAcrossYears, checkReport } from "./relations";

interface Gold {
  format: "2019" | "2021";
  consistency: string;
  values: Record<string, number | null | Array<number | null>>;
}

const goldDir = join(__dirname, "../parse/__fixtures__/gold");
const golds = readdirSync(goldDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, gold: JSON.parse(readFileSync(join(goldDir, f), "utf8")) as Gold }));

/** The first reading of every alternative: the one the rendered documents print. */
function firstReading(g: Gold): ReportValues {
  return Object.fromEntries(Object.entries(g.values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

function zeros(format: "2019" | "2021"): ReportValues {
  return Object.fromEntries(keysForFormat(format).map((k) => [k, 0]));
}

describe("checkReport", () => {
  it.each(golds)("agrees with the hand-checked verdict of $file", ({ gold }) => {
    const failed = checkReport(gold.format, firstReading(gold)).filter((c) => !c.ok);
    expect(failed.length > 0).toBe(!gold.consistency.startsWith("ok"));
  });

  it("reports both sides of a broken balance, per column", () => {
    const v = { ...zeros("2021"), "apps.new.natural": 7, "apps.new.total": 7, "apps.granted.natural": 7, "apps.granted.total": 7, "apps.total.natural": 7, "apps.total.total": 7 };
    expect(checkReport("2021", v).filter((c) => !c.ok)).toEqual([]);
    v["apps.total.natural"] = 0;
    const failed = checkReport("2021", v).filter((c) => !c.ok);
    const balance = failed.find((c) => c.ruleId === "balance" && c.column === "natural");
    expect(balance).toMatchObject({ left: 7, right: 0 });
    expect(balance?.rightKeys).toContain("apps.total.natural");
    expect(failed.some((c) => c.ruleId === "outcomes" && c.column === "natural")).toBe(true);
    expect(failed.some((c) => c.ruleId === "row_total" && c.row === "total")).toBe(true);
  });

  it("skips a relation whose every cell on one side is blank, counts blanks beside printed cells as zero", () => {
    const v: ReportValues = { ...zeros("2019"), "review.upheld": 5, "review.corrected": null, "review.pending": 2, "review.total": 7 };
    v["litigation.after_review.total"] = null;
    for (const k of ["upheld", "corrected", "other", "pending"]) v[`litigation.after_review.${k}`] = null;
    const review = checkReport("2019", v).filter((c) => c.ruleId === "review_total");
    expect(review.map((c) => c.group)).toEqual(["review", "litigation.direct"]);
    expect(review.every((c) => c.ok)).toBe(true);
  });

  it("uses the single （六）其他处理 row in 2019 and the three rows in 2021", () => {
    const v19 = { ...zeros("2019"), "apps.other.combined.natural": 3, "apps.total.natural": 3 };
    expect(checkReport("2019", v19).find((c) => c.ruleId === "outcomes" && c.column === "natural")?.ok).toBe(true);
    const v21 = { ...zeros("2021"), "apps.other.misc.natural": 3, "apps.total.natural": 3 };
    expect(checkReport("2021", v21).find((c) => c.ruleId === "outcomes" && c.column === "natural")?.ok).toBe(true);
  });
});

describe("checkAcrossYears", () => {
  it("links last year's carried_forward to this year's carried_over and the in-force stock", () => {
    const prev = { ...zeros("2021"), "apps.carried_forward.total": 4, "active.normative.in_force": 10 };
    const cur = { ...zeros("2021"), "apps.carried_over.total": 3, "active.normative.issued": 2, "active.normative.repealed": 1, "active.normative.in_force": 11 };
    const checks = checkAcrossYears({ year: 2022, format: "2021", values: prev }, { year: 2023, format: "2021", values: cur });
    expect(checks.find((c) => c.ruleId === "carry_across_years" && c.column === "total")).toMatchObject({ ok: false, left: 4, right: 3 });
    expect(checks.find((c) => c.ruleId === "in_force_across_years" && c.group === "normative")).toMatchObject({ ok: true, left: 11, right: 11 });
    expect(checkAcrossYears({ year: 2020, format: "2021", values: prev }, { year: 2023, format: "2021", values: cur })).toEqual([]);
  });
});
