import { describe, expect, it } from "vitest";
import type { ParseSuccess } from "@/lib/parse/types";
import { changedMetadata, changedValues, countChanges, draftFromParse, missingMetadata } from "./review-draft";

const parse: ParseSuccess = {
  file: "x.txt",
  ok: true,
  format: "2021",
  year: 2023,
  agency: { name: "东高地街道", fullName: "东高地街道办事处", kind: "street", level: "township" },
  region: { province: "北京市", city: null, county: "丰台区" },
  activeDisclosureTotal: null,
  values: { "apps.new.natural": 3, "apps.new.total": 3 },
  checks: [],
  warnings: [],
  parserVersion: "test",
};

describe("review drafts", () => {
  it("sends only what differs from the parse", () => {
    const d = draftFromParse(parse);
    expect(countChanges(parse, d)).toBe(0);
    d.values = { "apps.new.natural": 3, "apps.new.total": 4 };
    d.metadata.year = " 2022 ";
    d.metadata.city = "北京市";
    expect(changedValues(parse, d)).toEqual({ "apps.new.total": 4 });
    expect(changedMetadata(parse, d)).toEqual({ ok: true, overrides: { year: 2022, city: "北京市" } });
    expect(countChanges(parse, d)).toBe(3);
  });

  it("flags an invalid year and a missing agency", () => {
    const bare: ParseSuccess = { ...parse, agency: null, year: null };
    const d = draftFromParse(bare);
    expect(missingMetadata(d)).toEqual(["agencyName", "year"]);
    d.metadata.year = "twenty";
    expect(changedMetadata(bare, d)).toEqual({ ok: false, field: "year" });
    d.metadata.year = "2023";
    d.metadata.agencyName = "新街道";
    expect(missingMetadata(d)).toEqual([]);
    expect(changedMetadata(bare, d)).toEqual({ ok: true, overrides: { agencyName: "新街道", year: 2023 } });
  });
});
