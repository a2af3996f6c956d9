/**
 * Whole reports written in the layouts of crawled site pages (see __fixtures__/synthetic/README.md):
 * every value, the format, year, agency and the proactive-disclosure total must read back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "../index";
import { FIXTURES, mismatches, type Gold } from "../test-support/gold";

const DIR = join(FIXTURES, "synthetic");
const files = readdirSync(DIR).filter((f) => /\.(txt|html)$/.test(f)).sort();

interface Expected extends Gold {
  agency: { name: string[]; kind: string; level: string };
  activeDisclosureTotal: number;
}

describe("synthetic site-page reports", () => {
  it("are there", () => expect(files.length).toBeGreaterThan(10));
  it.each(files)("%s reads back", async (file) => {
    const want = JSON.parse(readFileSync(join(DIR, file.replace(/\.(txt|html)$/, ".json")), "utf8")) as Expected;
    const result = await parseFile(file, readFileSync(join(DIR, file)));
    if (!result.ok) throw new Error(result.error.message);
    expect(mismatches(want, result.values)).toEqual([]);
    expect({ format: result.format, year: result.year, kind: result.agency?.kind, level: result.agency?.level }).toEqual({
      format: want.format,
      year: want.year,
      kind: want.agency.kind,
      level: want.agency.level,
    });
    expect(want.agency.name).toContain(result.agency?.name);
    expect(result.activeDisclosureTotal).toBe(want.activeDisclosureTotal);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
