import { describe, expect, it } from "vitest";
import { splitRuns } from "./digit-split";
import { sumsToTotal } from "./score-readings";
import type { ValueToken } from "./tokens";

const num = (raw: string, unit: string | null = null): ValueToken => {
  const neg = raw.startsWith("-");
  const [int, frac] = raw.replace(/^-/, "").split(".");
  return { t: "num", neg, int, frac: frac ?? null, unit, raw };
};

describe("splitRuns", () => {
  it("reads three glued single-digit cells the only way possible", () => {
    const { readings } = splitRuns([num("417")], 3);
    expect(readings.map((r) => r.cells)).toEqual([[4, 1, 7]]);
  });

  it("never cuts a cell with a leading zero", () => {
    const { readings } = splitRuns([num("1000001")], 7);
    expect(readings.map((r) => r.cells)).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
  });

  it("finds the applicant reading whose six columns add up to the total", () => {
    const { readings } = splitRuns([num("230"), num("000023")], 7);
    const fitting = readings.filter((r) => sumsToTotal(r.cells));
    expect(fitting.map((r) => r.cells)).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
  });

  it("keeps the printed separators: `20 0 00 0 121` is 20,0,0,0,0,1,21", () => {
    const { readings } = splitRuns([num("20"), num("0"), num("00"), num("0"), num("121")], 7);
    expect(readings.filter((r) => sumsToTotal(r.cells)).map((r) => r.cells)).toEqual([[20, 0, 0, 0, 0, 1, 21]]);
  });

  it("gives a run's minus sign to its first cell and its decimals and unit to its last", () => {
    const { readings } = splitRuns([num("2648"), num("-18538")], 3);
    expect(readings.map((r) => r.cells)).toContainEqual([2648, -18, 538]);
    // The minus belongs to the cell cut first from `-18538`, whatever the cut.
    expect(readings.every((r) => r.cells.filter((c) => (c ?? 0) < 0).length === 1)).toBe(true);
    const money = splitRuns([num("13575394432.52", "元")], 2).readings;
    expect(money.map((r) => r.cells)).toContainEqual([135, 75394432.52]);
    expect(money.every((r) => r.units[1] === "元" && r.units[0] === null)).toBe(true);
  });

  it("turns blank marks into null cells", () => {
    const { readings } = splitRuns([num("5"), { t: "blank", raw: "/" }, num("27")], 4);
    expect(readings.map((r) => r.cells)).toEqual([[5, null, 2, 7]]);
  });

  it("returns nothing when the run cannot fill the cells", () => {
    expect(splitRuns([num("12")], 3).readings).toEqual([]);
    expect(splitRuns([num("1"), num("2"), num("3"), num("4")], 3).readings).toEqual([]);
  });

  it("stays bounded on a hostile run of thousands of digits", () => {
    const run = "1".repeat(5000);
    const result = splitRuns([num(run)], 7);
    expect(result.readings).toEqual([]);
    const many = splitRuns([num("123456789".repeat(6))], 15, { budget: 10_000 });
    expect(many.readings.length).toBeLessThanOrEqual(5_000);
    expect(many.truncated).toBe(true);
  });
});

describe("splitRuns with totals", () => {
  it("cuts the total's digits directly and only yields readings that add up", () => {
    const { readings } = splitRuns([num("300153006143119")], 7, { totals: [{ at: 6, from: 0 }] });
    expect(readings.map((r) => r.cells)).toEqual([[3001, 53, 0, 0, 61, 4, 3119]]);
  });

  it("reads fifteen glued review cells group by group", () => {
    const run = "27109156130003801110"; // 27/10/9/15/61 · 3/0/0/0/3 · 8/0/1/1/10
    const groups = [0, 5, 10].map((o) => ({ at: o + 4, from: o }));
    const { readings } = splitRuns([num(run)], 15, { totals: groups });
    expect(readings.map((r) => r.cells)).toContainEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    for (const r of readings) for (const o of [0, 5, 10]) expect(r.cells.slice(o, o + 4).reduce((a, b) => a! + b!, 0)).toBe(r.cells[o + 4]);
  });

  it("yields nothing when the printed totals do not add up", () => {
    expect(splitRuns([num("2100004")], 7, { totals: [{ at: 6, from: 0 }] }).readings).toEqual([]);
  });
});
