/**
 * Every seed and corpus fixture against its hand-checked gold: year, agency name (any of gold's
 * names, spaces removed), kind, level, each region field gold states, and the narrative's total.
 * The .html fixtures are whole site pages, read here as raw markup (the metadata reader strips it).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMetadata } from "./index";

const FIXTURES = path.join(__dirname, "..", "__fixtures__");

interface Gold {
  year: number;
  agency: { name: string[]; kind: string | string[]; level: string | string[] };
  region: Partial<Record<"province" | "city" | "county", string | null>>;
  active_disclosure_total: number | null;
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const norm = (value: string | null | undefined) => (value ?? "").replace(/[\s\u3000]/g, "");

const cases = ["seeds", "corpus"].flatMap((folder) =>
  readdirSync(path.join(FIXTURES, folder))
    .filter((file) => /\.(txt|html)$/.test(file))
    .map((file) => ({ folder, file, stem: file.replace(/\.[^.]+$/, "") })),
);

describe("readMetadata on the fixtures", () => {
  it("finds a gold file for every fixture", () => {
    expect(cases.length).toBeGreaterThanOrEqual(18);
    for (const { stem } of cases) {
      expect(() => readFileSync(path.join(FIXTURES, "gold", `${stem}.json`))).not.toThrow();
    }
  });

  for (const { folder, file, stem } of cases) {
    it(`${folder}/${file}`, () => {
      const gold: Gold = JSON.parse(readFileSync(path.join(FIXTURES, "gold", `${stem}.json`), "utf8"));
      const text = readFileSync(path.join(FIXTURES, folder, file), "utf8");
      const meta = readMetadata(text, { fileName: file });

      expect(meta.year).toBe(gold.year);
      expect(meta.agency).not.toBeNull();
      expect(gold.agency.name.map(norm)).toContain(norm(meta.agency?.name));
      expect(asList(gold.agency.kind)).toContain(meta.agency?.kind);
      expect(asList(gold.agency.level)).toContain(meta.agency?.level);
      for (const [field, want] of Object.entries(gold.region)) {
        if (want === null) continue;
        expect(norm(meta.region[field as "province" | "city" | "county"]), `region.${field}`).toBe(norm(want));
      }
      expect(meta.activeDisclosureTotal).toBe(gold.active_disclosure_total);
    });
  }
});

describe("what the gold leaves open is still answered sensibly", () => {
  it("places the Pingtan zone in Fujian only, not in the former 平潭县 of 福州市", () => {
    const text = readFileSync(path.join(FIXTURES, "corpus", "020_pingtan_zone_2022_flattext.txt"), "utf8");
    expect(readMetadata(text).region).toMatchObject({ province: "福建省", city: null, county: null });
  });

  it("completes 新华区西市场街道 with the only 新华区 that has a 西市场街道 (平顶山市)", () => {
    const text = readFileSync(path.join(FIXTURES, "seeds", "002_c369ce0530345a5f.txt"), "utf8");
    expect(readMetadata(text).region).toMatchObject({ province: "河南省", city: "平顶山市", county: "新华区" });
  });

  it("records the OCR correction of 沐阳县 in the warnings", () => {
    const text = readFileSync(path.join(FIXTURES, "corpus", "013_shuyang_county_gov_2025_ocr_md.txt"), "utf8");
    const meta = readMetadata(text);
    expect(meta.agency?.name).toBe("沭阳县人民政府");
    expect(meta.warnings.join("\n")).toMatch(/沐阳县.*沭阳县/);
  });
});
