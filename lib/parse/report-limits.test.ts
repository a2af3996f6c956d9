/**
 * A file holding far more than one report (many reports glued together, a whole site) is refused with
 * too_large before the table and metadata readers spend memory on it; a real report passes untouched.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_LIMITS, parseFile } from "./index";
import { FIXTURES } from "./test-support/gold";

const seed = readFileSync(join(FIXTURES, "seeds", "000_a6a2db4cc44d7e31.txt"), "utf8");

describe("one report's limits", () => {
  it("reads a real report", async () => {
    const result = await parseFile("000.txt", new TextEncoder().encode(seed));
    expect(result.ok).toBe(true);
  });

  it("refuses text far beyond one report, naming the file and what to do", async () => {
    const glued = seed.repeat(Math.ceil((REPORT_LIMITS.textChars + 1) / seed.length));
    const result = await parseFile("many-reports.txt", new TextEncoder().encode(glued));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("too_large");
    expect(result.error.message).toContain("many-reports.txt");
    expect(result.error.message).toMatch(/单独的文件上传/);
  });

  it("refuses tables far beyond one report", async () => {
    const row = `<tr><td>一、本年新收政府信息公开申请数量</td>${"<td>0</td>".repeat(7)}</tr>`;
    const rows = Math.ceil(REPORT_LIMITS.gridCells / 8) + 10;
    const html = `<html><body><p>政府信息公开工作年度报告</p><table>${row.repeat(rows)}</table></body></html>`;
    const result = await parseFile("site.html", new TextEncoder().encode(html));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("too_large");
  });
});

describe("warnings", () => {
  it("lists at most 60 and counts the rest", async () => {
    const labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（七）总计", "四、结转下年度继续办理"];
    const unit = labels.map((l) => `${l}\t3\t0\t0\t0\t0\t0\t3\n`).join("");
    const text = `政府信息公开工作年度报告\n${unit.repeat(100)}`;
    const result = await parseFile("repeated-rows.txt", new TextEncoder().encode(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.length).toBeLessThanOrEqual(61);
    expect(result.warnings.at(-1)).toMatch(/^…and \d+ more warnings/);
  });
});
