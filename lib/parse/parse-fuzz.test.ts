/**
 * Mutated fixtures (truncated, shuffled, random bytes, huge numbers, deeply nested HTML):
 * parseFile must always answer with a result or a clear error, never throw.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keysForFormat } from "../report/catalog";
import { parseDocument, parseFile } from "./index";
import type { ParseResult } from "./types";
import { FIXTURES, listFixtures } from "./test-support/gold";

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const encoder = new TextEncoder();
const textFixtures = [...listFixtures("seeds").map((f) => join("seeds", f)), ...listFixtures("corpus").map((f) => join("corpus", f))];

function expectWellFormed(result: ParseResult, file: string): void {
  expect(result.file).toBe(file);
  if (result.ok) {
    const keys = keysForFormat(result.format);
    expect(Object.keys(result.values).length).toBe(keys.length);
    for (const k of keys) {
      const v = result.values[k];
      expect(v === null || Number.isFinite(v)).toBe(true);
    }
    expect(Array.isArray(result.checks)).toBe(true);
  } else {
    expect(result.error.code).toMatch(/^[a-z_]+$/);
    // The message names the file and says what to do.
    expect(result.error.message.length).toBeGreaterThan(20);
  }
}

describe("mutated inputs", () => {
  it.each(textFixtures)("%s: truncated at random points", async (rel) => {
    const bytes = readFileSync(join(FIXTURES, rel));
    const random = rng(bytes.length);
    for (let i = 0; i < 6; i++) {
      const cut = bytes.subarray(0, Math.floor(random() * bytes.length));
      const result = await parseFile(`cut-${i}.txt`, new Uint8Array(cut));
      expectWellFormed(result, `cut-${i}.txt`);
    }
  });

  it.each(textFixtures)("%s: lines shuffled", async (rel) => {
    const text = readFileSync(join(FIXTURES, rel), "utf8");
    const random = rng(text.length);
    const lines = text.split("\n");
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    expectWellFormed(await parseFile("shuffled.txt", encoder.encode(lines.join("\n"))), "shuffled.txt");
  });

  it.each(textFixtures)("%s: random bytes inserted", async (rel) => {
    const bytes = readFileSync(join(FIXTURES, rel));
    const random = rng(bytes.length + 7);
    const out = Buffer.from(bytes);
    for (let i = 0; i < 40; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    expectWellFormed(await parseFile("noisy.txt", new Uint8Array(out)), "noisy.txt");
  });

  it("huge numbers and endless digit runs stay finite and bounded", async () => {
    const text = readFileSync(join(FIXTURES, "corpus", "020_pingtan_zone_2022_flattext.txt"), "utf8")
      .replace("713000074", "9".repeat(400))
      .replace("规章000", `规章${"1".repeat(3000)}`)
      .replace("10690", "1".repeat(330));
    const result = await parseFile("huge.txt", encoder.encode(text));
    expectWellFormed(result, "huge.txt");
    if (result.ok) expect(result.values["apps.new.natural"]).toBeNull();
  });

  it("deeply nested HTML is read or refused, not a crash", async () => {
    const depth = 5000;
    const html = `<html><body>${"<div>".repeat(depth)}<table><tr><td>规章</td><td>1</td></tr></table>${"</div>".repeat(depth)}</body></html>`;
    expectWellFormed(await parseFile("nested.html", encoder.encode(html)), "nested.html");
  });

  it("a report cut in half still parses, with the missing rows empty and said so", async () => {
    const text = readFileSync(join(FIXTURES, "corpus", "001_huaian_city_gov_2024_pdf_pypdf.txt"), "utf8");
    const half = text.slice(0, text.indexOf("（三）不"));
    const result = await parseFile("half.txt", encoder.encode(half));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.values["apps.new.total"]).toBe(3119);
      expect(result.values["apps.total.total"]).toBeNull();
      expect(result.warnings.some((w) => w.includes("table 四"))).toBe(true);
    }
  });
});

describe("clear errors", () => {
  it("an empty file", async () => {
    const r = await parseFile("empty.txt", new Uint8Array());
    expect(r).toMatchObject({ ok: false, error: { code: "empty_file" } });
  });

  it("text that is not a report", async () => {
    const r = await parseFile("notes.txt", encoder.encode("会议纪要\n今天讨论了三件事：1. 预算 2. 人员 3. 场地。"));
    expect(r).toMatchObject({ ok: false, error: { code: "not_a_report" } });
    if (!r.ok) expect(r.error.message).toContain("notes.txt");
  });

  it("a report whose tables are missing (e.g. printed as images)", async () => {
    const r = await parseFile("no-tables.txt", encoder.encode("某某区2023年政府信息公开工作年度报告\n一、总体情况\n本年主动公开政府信息100条。\n五、存在的主要问题及改进情况\n无。"));
    expect(r).toMatchObject({ ok: false, error: { code: "tables_not_found" } });
  });

  it("a text that merely mentions a few table words with numbers", async () => {
    const r = await parseFile("law.txt", encoder.encode("第二十条第（一）项 规章 2 件；行政许可 5 项；行政处罚 3 起。"));
    expect(r.ok).toBe(false);
  });

  it("random binary data", async () => {
    const random = rng(42);
    const bytes = new Uint8Array(4096).map(() => Math.floor(random() * 256));
    expectWellFormed(await parseFile("random.bin", bytes), "random.bin");
  });

  it("a document object with no text at all", () => {
    const r = parseDocument("blank.docx", { kind: "docx", text: "", tables: [], warnings: [] });
    expect(r).toMatchObject({ ok: false, error: { code: "empty_file" } });
  });
});
