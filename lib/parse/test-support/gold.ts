/** Test helpers: the hand-checked gold values shipped in lib/parse/__fixtures__. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReportValues } from "../../report/catalog";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "__fixtures__");

export type GoldValue = number | null | Array<number | null>;

export interface Gold {
  format: "2019" | "2021";
  year: number;
  consistency: string;
  values: Record<string, GoldValue>;
}

export function readGold(dir: "gold" | "rendered-gold", stem: string): Gold {
  return JSON.parse(readFileSync(join(FIXTURES, dir, `${stem}.json`), "utf8")) as Gold;
}

export function listFixtures(dir: "seeds" | "corpus" | "rendered"): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => !f.endsWith(".md") && !f.endsWith(".json"))
    .sort();
}

export function stemOf(file: string): string {
  return file.replace(/\.[^.]+$/, "");
}

/** A gold value accepts a reading when it equals it, or any reading of a list. */
export function accepts(want: GoldValue, got: number | null | undefined): boolean {
  if (Array.isArray(want)) return want.some((w) => accepts(w, got));
  if (want === null) return got === null;
  if (typeof got !== "number") return false;
  return Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
}

/** Keys whose parsed value the gold does not accept, with both sides, for a readable failure. */
export function mismatches(gold: Gold, values: ReportValues): string[] {
  return Object.entries(gold.values)
    .filter(([k, w]) => !accepts(w, values[k]))
    .map(([k, w]) => `${k}: got ${JSON.stringify(values[k])}, want ${JSON.stringify(w)}`);
}

/** The first reading of every gold value: a concrete report to render in other layouts. */
export function firstReadings(gold: Gold): ReportValues {
  const out: ReportValues = {};
  for (const [k, v] of Object.entries(gold.values)) out[k] = Array.isArray(v) ? (v[0] ?? null) : v;
  return out;
}
