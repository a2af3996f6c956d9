import { describe, expect, it } from "vitest";
import { sameReading } from "./reparse";

describe("sameReading", () => {
  it("ignores key order and the file name, and notices any changed value", () => {
    const stored = { ok: true, values: { b: 2, a: 1 }, file: "old-name.txt", warnings: [] };
    expect(sameReading(stored, { file: "x.txt", ok: true, warnings: [], values: { a: 1, b: 2 } })).toBe(true);
    expect(sameReading(stored, { file: "x.txt", ok: true, warnings: [], values: { a: 1, b: 3 } })).toBe(false);
    expect(sameReading(stored, { file: "x.txt", ok: true, warnings: ["new"], values: { a: 1, b: 2 } })).toBe(false);
  });
});
