import { describe, expect, it } from "vitest";
import { applyOverrides, metadataOverridesSchema, validateValueOverrides } from "./overrides";

const base = {
  format: "2021" as const,
  metadata: {
    year: 2023,
    agency: { name: "于家务回族乡", fullName: "于家务回族乡人民政府", kind: "township" as const, level: "township" as const },
    region: { province: "北京市", city: null, county: "通州区", code: "110112209" },
  },
  values: { "apps.total.natural": 0, "apps.total.total": 7, "active.penalty": 1251 },
};

describe("applyOverrides", () => {
  it("records only real changes, old → new, and leaves the base untouched", () => {
    const r = applyOverrides(base, { year: 2023, county: "通州区" }, { "apps.total.natural": 7, "apps.total.total": 7 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.corrections).toEqual([{ field: "apps.total.natural", oldValue: "0", newValue: "7" }]);
    expect(r.values["apps.total.natural"]).toBe(7);
    expect(base.values["apps.total.natural"]).toBe(0);
  });

  it("records metadata corrections and drops a division code the reviewer overrode", () => {
    const r = applyOverrides(base, { agencyName: "于家务乡", year: 2022, county: "大兴区" }, undefined);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.corrections.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ["meta.agency.name", "于家务回族乡", "于家务乡"],
      ["meta.year", "2023", "2022"],
      ["meta.region.county", "通州区", "大兴区"],
    ]);
    expect(r.metadata.region.code).toBeNull();
    expect(r.metadata.agency?.kind).toBe("township");
  });

  it("fills in an agency the parser could not find, and refuses an empty name", () => {
    const noAgency = { ...base, metadata: { ...base.metadata, agency: null } };
    const ok = applyOverrides(noAgency, { agencyName: "某某街道", kind: "street", level: "township" }, undefined);
    expect(ok.ok && ok.metadata.agency).toEqual({ name: "某某街道", fullName: null, kind: "street", level: "township" });
    const bad = applyOverrides(noAgency, { kind: "street" }, undefined);
    expect(bad.ok).toBe(false);
  });

  it("refuses keys of the other format, negative counts and fractional counts", () => {
    expect(validateValueOverrides("2021", { "active.procurement.items": 1 })).toMatch(/2021/);
    expect(validateValueOverrides("2021", { "apps.new.natural": -1 })).toMatch(/negative/);
    expect(validateValueOverrides("2021", { "apps.new.natural": 1.5 })).toMatch(/whole/);
    expect(validateValueOverrides("2021", { "active.fees": 1.5, "apps.new.natural": null })).toBeNull();
    expect(validateValueOverrides("2019", { "active.licensing.change": -3 })).toBeNull();
  });

  it("validates request metadata: year range, kinds, unknown fields", () => {
    expect(metadataOverridesSchema.safeParse({ year: 1800 }).success).toBe(false);
    expect(metadataOverridesSchema.safeParse({ kind: "ministry" }).success).toBe(false);
    expect(metadataOverridesSchema.safeParse({ colour: "red" }).success).toBe(false);
    expect(metadataOverridesSchema.parse({ city: "" })).toEqual({ city: null });
  });
});
