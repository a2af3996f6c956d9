/**
 * Every fixture (seeds, real corpus files in their own layouts, and the re-rendered .docx /
 * .html / .pdf) parsed end to end and compared with its hand-checked gold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keysForFormat } from "../report/catalog";
import { parseFile } from "./index";
import { FIXTURES, listFixtures, mismatches, readGold, stemOf } from "./test-support/gold";

async function parseFixture(dir: string, file: string) {
  const bytes = readFileSync(join(FIXTURES, dir, file));
  return parseFile(file, new Uint8Array(bytes));
}

describe.each([
  ["seeds", "gold"],
  ["corpus", "gold"],
  ["rendered", "rendered-gold"],
] as const)("%s", (dir, goldDir) => {
  it.each(listFixtures(dir))("%s matches its gold values, format and consistency verdict", async (file) => {
    const gold = readGold(goldDir, stemOf(file));
    const result = await parseFixture(dir, file);
    if (!result.ok) throw new Error(`${file}: ${result.error.code} ${result.error.message}`);
    expect(result.format).toBe(gold.format);
    expect(Object.keys(result.values).sort()).toEqual([...keysForFormat(gold.format)].sort());
    expect(mismatches(gold, result.values)).toEqual([]);
    const flagged = result.checks.some((c) => !c.ok);
    expect(flagged).toBe(!gold.consistency.startsWith("ok"));
  });
});
