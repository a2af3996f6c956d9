import { describe, expect, it } from "vitest";
import { formatChartValue, rankRows, toShares, topRows, trendChartRows, yearRange } from "./chart-data";

describe("formatChartValue", () => {
  it("formats counts, percentages and blanks", () => {
    expect(formatChartValue(1234, "count")).toBe("1,234");
    expect(formatChartValue(0.4567, "percent")).toBe("45.7%");
    expect(formatChartValue(1, "percent")).toBe("100.0%");
    expect(formatChartValue(null, "count")).toBe("—");
    expect(formatChartValue(Number.NaN, "percent")).toBe("—");
    expect(formatChartValue(4068.208, "decimal")).toBe("4,068.21");
  });
});

describe("rankRows", () => {
  it("ranks highest first, ties share a rank, rows without a value go last unranked", () => {
    const ranked = rankRows([
      { id: "a", label: "甲", value: 3 },
      { id: "b", label: "乙", value: null },
      { id: "c", label: "丙", value: 7 },
      { id: "d", label: "丁", value: 3 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["c", "d", "a", "b"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, null]);
  });
});

describe("toShares", () => {
  it("divides each segment by the row's sum; a zero row has no shares", () => {
    const [one, zero, blank] = toShares([
      { id: "1", label: "x", values: [1, 3] },
      { id: "2", label: "y", values: [0, 0] },
      { id: "3", label: "z", values: [null, 2] },
    ]);
    expect(one.values).toEqual([0.25, 0.75]);
    expect(zero.values).toEqual([null, null]);
    expect(blank.values).toEqual([null, 1]);
  });
});

describe("topRows", () => {
  it("keeps the largest values, blanks last, ties in their original order, each value computed once", () => {
    const rows = [
      { id: "a", v: 2 },
      { id: "b", v: null },
      { id: "c", v: 9 },
      { id: "d", v: 2 },
      { id: "e", v: 5 },
    ];
    let calls = 0;
    const value = (r: (typeof rows)[number]) => {
      calls++;
      return r.v;
    };
    expect(topRows(rows, value, 4).map((r) => r.id)).toEqual(["c", "e", "a", "d"]);
    expect(calls).toBe(rows.length);
    expect(topRows(rows, (r) => r.v, 10).map((r) => r.id)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("trend rows", () => {
  it("keep missing years as gaps and split non-comparable points off the line", () => {
    const series = [
      {
        id: "s",
        label: "S",
        points: [
          { year: 2019, value: 5, comparable: false },
          { year: 2021, value: 8 },
          { year: 2022, value: 9 },
        ],
      },
    ];
    const years = yearRange(series);
    expect(years).toEqual([2019, 2020, 2021, 2022]);
    const rows = trendChartRows(series, years);
    expect(rows[0]).toEqual({ year: 2019, s: null, s__nc: 5 });
    expect(rows[1]).toEqual({ year: 2020, s: null, s__nc: null });
    expect(rows[2]).toEqual({ year: 2021, s: 8, s__nc: null });
  });

  it("extends the span to the requested years", () => {
    expect(yearRange([{ id: "s", label: "S", points: [{ year: 2021, value: 1 }] }], [2019, 2023])).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(yearRange([])).toEqual([]);
  });
});
