import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Grid } from "../types";

export const FIXTURES = fileURLToPath(new URL("../../__fixtures__/", import.meta.url));

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, relative)));
}

export interface RenderedGold {
  format: "2019" | "2021";
  values: Record<string, number | null>;
}

export function renderedGold(stem: string): RenderedGold {
  return JSON.parse(readFileSync(join(FIXTURES, "rendered-gold", `${stem}.json`), "utf8")) as RenderedGold;
}

export const RENDERED_STEMS = [
  "000_a6a2db4cc44d7e31",
  "001_8698768808fb872d",
  "001_huaian_city_gov_2024_pdf_pypdf",
  "002_c369ce0530345a5f",
  "002_huaian_city_gov_2024_pdf_pdfminer",
  "003_0088059577d88b46",
  "003_pingtan_zone_2019_flattext",
  "004_8c406ea192be78b9",
  "004_hongze_district_gov_2023_pdf_pypdf",
  "005_hongze_district_gov_2024_pdf_pypdf",
  "009_pingtan_public_security_bureau_2022_flattext",
  "011_pingtan_finance_bureau_2020_spacesep",
  "013_shuyang_county_gov_2025_ocr_md",
  "016_shanghai_municipal_gov_office_2019_html_in_js",
  "020_pingtan_zone_2022_flattext",
  "026_pingtan_zone_2020_flattext",
];

/** The seven applicant columns of table 三, in printed order. */
export const APPLICANT_COLUMNS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];

/** The cells a gold row should show: "" for a blank (null) cell, the number as printed otherwise. */
export function goldCells(gold: RenderedGold, rowKey: string): string[] {
  return APPLICANT_COLUMNS.map((col) => {
    const v = gold.values[`${rowKey}.${col}`];
    return v === null || v === undefined ? "" : String(v);
  });
}

/** The first grid row with a cell containing `label` (the label slot, not a value). */
export function findRow(grids: Grid[], label: string): string[] | null {
  for (const grid of grids) {
    for (const row of grid) {
      if (row.some((cell) => cell.text.includes(label))) return row.map((cell) => cell.text);
    }
  }
  return null;
}
