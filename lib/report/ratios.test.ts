import { describe, expect, it } from "vitest";
import { CROSS_FORMAT_SERIES, isFieldKey, keysForFormat } from "./catalog";
import { METRICS, correctionRate, disclosureRate, formatsOf, getMetric, isBridged, metricValue, ratio } from "./ratios";

describe("ratios", () => {
  it("divides, and is unknown (null) rather than 0 when there is nothing to divide by", () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, null)).toBeNull();
  });

  it("disclosure rate = (予以公开 + 部分公开) / 总计", () => {
    expect(disclosureRate({ granted: 45, partial: 5, total: 100 })).toBe(0.5);
    expect(disclosureRate({ granted: null, partial: 5, total: 10 })).toBe(0.5);
    expect(disclosureRate({ granted: 1, partial: 1, total: 0 })).toBeNull();
    expect(disclosureRate({ granted: 1, partial: 1, total: null })).toBeNull();
  });

  it("correction rate = 结果纠正 / 总计", () => {
    expect(correctionRate({ corrected: 2, total: 8 })).toBe(0.25);
    expect(correctionRate({ corrected: null, total: 8 })).toBe(0);
    expect(correctionRate({ corrected: 2, total: 0 })).toBeNull();
  });
});

describe("metrics", () => {
  it("only name catalog keys, of the formats they claim", () => {
    for (const m of METRICS) {
      if (m.kind !== "sum") continue;
      for (const [format, keys] of Object.entries(m.keys)) {
        for (const k of keys) {
          expect(isFieldKey(k), `${m.id}: ${k}`).toBe(true);
          expect(keysForFormat(format as "2019" | "2021"), `${m.id}: ${k} in ${format}`).toContain(k);
        }
      }
    }
  });

  it("bridge exactly the spec's cross-format series, plus 其他处理's one row ↔ three rows", () => {
    const bridged = METRICS.filter((m) => isBridged(m)).map((m) => m.id).sort();
    expect(bridged).toEqual(["enforcement", "licensing", "other_handling", "penalty"]);
    for (const s of CROSS_FORMAT_SERIES) {
      const m = METRICS.find((x) => x.kind === "sum" && (x.keys as Record<string, readonly string[]>)["2021"]?.[0] === s.key2021);
      expect(m, s.key2021).toBeDefined();
    }
  });

  it("know which formats carry them", () => {
    expect(formatsOf(getMetric("rules_in_force"))).toEqual(["2021"]);
    expect(formatsOf(getMetric("penalty"))).toEqual(["2019", "2021"]);
    expect(formatsOf(getMetric("disclosure_rate"))).toEqual(["2019", "2021"]);
  });

  it("compute a ratio metric as a ratio of sums", () => {
    const m = getMetric("disclosure_rate");
    expect(metricValue(m, { granted: 30, partial: 10, apps_total: 80 })).toBe(0.5);
    expect(metricValue(m, { granted: 30, partial: 10, apps_total: null })).toBeNull();
    expect(metricValue(getMetric("penalty"), { penalty: 12 })).toBe(12);
  });
});
