import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_KEYS, FIELDS, columnForKey, keyForColumn, keysForFormat } from "./catalog";

const goldDir = join(__dirname, "../parse/__fixtures__/gold");
const golds = readdirSync(goldDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, gold: JSON.parse(readFileSync(join(goldDir, f), "utf8")) as { format: "2019" | "2021"; values: Record<string, unknown> } }));

describe("field catalog", () => {
  it("has the spec's key counts per format", () => {
    expect(keysForFormat("2021")).toHaveLength(200);
    expect(keysForFormat("2019")).toHaveLength(198);
  });

  it("has unique keys and reversible, unique, SQL-safe column names", () => {
    expect(new Set(ALL_KEYS).size).toBe(ALL_KEYS.length);
    const cols = FIELDS.map((f) => f.column);
    expect(new Set(cols).size).toBe(cols.length);
    for (const f of FIELDS) {
      expect(f.column).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.column.length).toBeLessThanOrEqual(63);
      expect(keyForColumn(columnForKey(f.key))).toBe(f.key);
    }
  });

  it.each(golds)("covers exactly the keys of gold $file", ({ gold }) => {
    expect([...keysForFormat(gold.format)].sort()).toEqual(Object.keys(gold.values).sort());
  });
});
