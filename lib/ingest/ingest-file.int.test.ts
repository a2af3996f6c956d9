import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { columnForKey } from "../report/catalog";
import { correctReport } from "./corrections";
import { deleteReport } from "./delete-report";
import { ingestFile, sha256Hex } from "./ingest-file";
import { reparseAll } from "./reparse";
import { seedSamplesIfEmpty } from "./seed-samples";
import { syntheticReport } from "./synthetic-report";
import { count, invariantViolations, seedFiles } from "./test-helpers";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function fresh(): Promise<void> {
  await db.pool.query(`TRUNCATE correction, check_result, report_values, report_version, report, agency, source_file RESTART IDENTITY CASCADE`);
}

describe("ingestFile", () => {
  it("stores each seed with its bytes, values and checks, one report per agency and year", async () => {
    await fresh();
    for (const seed of seedFiles()) {
      const r = await ingestFile({ fileName: seed.name, bytes: seed.bytes, actor: "test", pool: db.pool });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) expect(r.status).toBe("imported");
    }
    expect(await count(db.pool, "report")).toBe(5);
    expect(await count(db.pool, "source_file")).toBe(5);
    expect(await invariantViolations(db.pool)).toEqual([]);

    const seed001 = seedFiles().find((s) => s.name.startsWith("001"))!;
    const stored = await db.pool.query(
      `SELECT sf.content, rv.failed_check_count, rv.parsed, a.name, r.year, v."apps__new__natural" AS new_natural
         FROM source_file sf JOIN report_version rv ON rv.source_file_id = sf.id JOIN report r ON r.id = rv.report_id
         JOIN agency a ON a.id = r.agency_id JOIN report_values v ON v.version_id = rv.id WHERE sf.sha256 = $1`,
      [sha256Hex(seed001.bytes)],
    );
    const row = stored.rows[0];
    expect(Buffer.compare(row.content, Buffer.from(seed001.bytes))).toBe(0);
    expect(row.name).toBe("于家务回族乡");
    expect(row.year).toBe(2023);
    expect(row.new_natural).toBe(7);
    // 001's 总计 natural is printed as 0 while its rows add up to 7: the broken relations are kept as findings.
    expect(row.failed_check_count).toBeGreaterThan(0);
    expect(row.parsed.values["apps.new.natural"]).toBe(7);
    const failedChecks = await count(db.pool, "check_result", "NOT ok");
    expect(failedChecks).toBe(row.failed_check_count);
  });

  it("answers the same bytes again with the existing report and stores nothing new", async () => {
    const seed = seedFiles()[0]!;
    const before = { files: await count(db.pool, "source_file"), versions: await count(db.pool, "report_version") };
    const first = await db.pool.query(`SELECT rv.report_id FROM report_version rv JOIN source_file sf ON sf.id = rv.source_file_id WHERE sf.sha256 = $1`, [sha256Hex(seed.bytes)]);
    const r = await ingestFile({ fileName: "renamed.txt", bytes: seed.bytes, actor: "test", pool: db.pool });
    expect(r.ok && r.status).toBe("duplicate");
    expect(r.duplicate).toBe(true);
    if (r.ok) expect(r.reportId).toBe(first.rows[0].report_id);
    expect(await count(db.pool, "source_file")).toBe(before.files);
    expect(await count(db.pool, "report_version")).toBe(before.versions);
  });

  it("makes a different file for an agency and year already present a new current version, keeping the old one", async () => {
    const seed = seedFiles()[0]!;
    const edited = new Uint8Array([...seed.bytes, ...new TextEncoder().encode("\n（更正版）\n")]);
    const r = await ingestFile({ fileName: "000-corrected.txt", bytes: edited, actor: "test", pool: db.pool });
    expect(r.ok && r.status).toBe("new_version");
    if (!r.ok) return;
    expect(r.version).toBe(2);
    const versions = await db.pool.query(`SELECT version_no, is_current FROM report_version WHERE report_id = $1 ORDER BY version_no`, [r.reportId]);
    expect(versions.rows).toEqual([
      { version_no: 1, is_current: false },
      { version_no: 2, is_current: true },
    ]);
    const report = await db.pool.query(`SELECT current_version_id FROM report WHERE id = $1`, [r.reportId]);
    expect(report.rows[0].current_version_id).toBe(r.versionId);
    expect(await count(db.pool, "report")).toBe(5);
    expect(await invariantViolations(db.pool)).toEqual([]);
  });

  it("keeps the bytes of a file it cannot read, and answers the same error again without a new row", async () => {
    const bytes = new TextEncoder().encode("会议纪要\n今天讨论了食堂菜单，没有表格。\n");
    const r1 = await ingestFile({ fileName: "minutes.txt", bytes, actor: "test", pool: db.pool });
    expect(r1.ok).toBe(false);
    if (r1.ok) return;
    expect(r1.error.code).toBe("not_a_report");
    expect(r1.sourceFileId).not.toBeNull();
    const stored = await db.pool.query(`SELECT content, parse_error FROM source_file WHERE id = $1`, [r1.sourceFileId]);
    expect(Buffer.compare(stored.rows[0].content, Buffer.from(bytes))).toBe(0);
    expect(stored.rows[0].parse_error.code).toBe("not_a_report");
    const files = await count(db.pool, "source_file");
    const r2 = await ingestFile({ fileName: "minutes-again.txt", bytes, actor: "test", pool: db.pool });
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.error).toEqual(r1.error);
      expect(r2.duplicate).toBe(true);
    }
    expect(await count(db.pool, "source_file")).toBe(files);
  });

  it("keeps a report without agency or year as bytes, and stores it once the reviewer supplies them", async () => {
    const base = syntheticReport(5);
    const html = new TextDecoder()
      .decode(base.bytes)
      .split(base.agencyName)
      .join("本单位")
      .replace(/<title>[^<]*<\/title>/, "<title>年度报告</title>")
      .replace(/20\d\d年/g, "本年");
    const bytes = new TextEncoder().encode(html);
    const first = await ingestFile({ fileName: "untitled.html", bytes, actor: "test", pool: db.pool });
    expect(!first.ok && first.error.code).toBe("metadata_missing");
    if (first.ok) return;
    const kept = await db.pool.query(`SELECT parse_error FROM source_file WHERE id = $1`, [first.sourceFileId]);
    expect(kept.rows[0].parse_error.code).toBe("metadata_missing");

    const reviewed = await ingestFile({
      fileName: "untitled.html",
      bytes,
      actor: "reviewer",
      pool: db.pool,
      metadataOverrides: { agencyName: "补录街道", kind: "street", level: "township", year: 2022, province: "北京市" },
    });
    expect(reviewed.ok && reviewed.status).toBe("imported");
    if (!reviewed.ok) return;
    expect(reviewed.agency.name).toBe("补录街道");
    expect(reviewed.year).toBe(2022);
    const fields = (await db.pool.query(`SELECT field, old_value, new_value FROM correction WHERE version_id = $1 ORDER BY field`, [reviewed.versionId])).rows;
    expect(fields).toEqual([
      { field: "meta.agency.kind", old_value: null, new_value: "street" },
      { field: "meta.agency.level", old_value: null, new_value: "township" },
      { field: "meta.agency.name", old_value: null, new_value: "补录街道" },
      { field: "meta.region.province", old_value: null, new_value: "北京市" },
      { field: "meta.year", old_value: null, new_value: "2022" },
    ]);
    const source = await db.pool.query(`SELECT id, parse_error FROM source_file WHERE sha256 = $1`, [sha256Hex(bytes)]);
    expect(source.rows).toEqual([{ id: first.sourceFileId, parse_error: null }]);
    expect(await invariantViolations(db.pool)).toEqual([]);
  });

  it("refuses an image before storing anything", async () => {
    const files = await count(db.pool, "source_file");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const r = await ingestFile({ fileName: "scan.pdf", bytes: png, actor: "test", pool: db.pool });
    expect(!r.ok && r.error.code).toBe("unsupported_type");
    expect(await count(db.pool, "source_file")).toBe(files);
  });

  it("leaves exactly 10 reports after 20 concurrent uploads of 10 distinct files (each sent twice)", async () => {
    await fresh();
    const pool = new pg.Pool({ connectionString: db.url, max: 20 });
    try {
      const files = Array.from({ length: 10 }, (_, i) => syntheticReport(100 + i));
      const uploads = [...files, ...files].map((f, i) => ingestFile({ fileName: `${i}-${f.fileName}`, bytes: f.bytes, actor: "test", pool }));
      const results = await Promise.all(uploads);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && r.status === "imported")).toHaveLength(10);
      expect(results.filter((r) => r.ok && r.status === "duplicate")).toHaveLength(10);
      expect(await count(pool, "report")).toBe(10);
      expect(await count(pool, "report_version")).toBe(10);
      expect(await count(pool, "source_file")).toBe(10);
      expect(await invariantViolations(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("gives concurrent different files of one agency and year one report with distinct versions and one current", async () => {
    await fresh();
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    try {
      const base = syntheticReport(300);
      const variants = Array.from({ length: 6 }, (_, i) => new Uint8Array([...base.bytes, ...new TextEncoder().encode(`<!-- variant ${i} -->`)]));
      const results = await Promise.all(variants.map((bytes, i) => ingestFile({ fileName: `v${i}.html`, bytes, actor: "test", pool })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await count(pool, "report")).toBe(1);
      const nos = (await pool.query(`SELECT version_no FROM report_version ORDER BY version_no`)).rows.map((r) => r.version_no);
      expect(nos).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await invariantViolations(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("stores reviewer corrections as old → new beside the untouched parse, with checks recomputed", async () => {
    await fresh();
    const seed001 = seedFiles().find((s) => s.name.startsWith("001"))!;
    const r = await ingestFile({
      fileName: seed001.name,
      bytes: seed001.bytes,
      actor: "reviewer",
      pool: db.pool,
      // apps.total.total is printed as 7 already: an "override" to the same value is not a correction.
      valueOverrides: { "apps.total.natural": 7, "apps.total.total": 7 },
      metadataOverrides: { city: null, county: "通州区" },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const corrections = await db.pool.query(`SELECT field, old_value, new_value, created_by FROM correction WHERE version_id = $1 ORDER BY field`, [r.versionId]);
    expect(corrections.rows).toEqual([
      { field: "apps.total.natural", old_value: "0", new_value: "7", created_by: "reviewer" },
    ]);
    const v = await db.pool.query(`SELECT rv.parsed, vals."${columnForKey("apps.total.natural")}" AS effective FROM report_version rv JOIN report_values vals ON vals.version_id = rv.id WHERE rv.id = $1`, [r.versionId]);
    expect(v.rows[0].effective).toBe(7);
    expect(v.rows[0].parsed.values["apps.total.natural"]).toBe(0);
    const brokenNatural = await count(db.pool, "check_result", `version_id = $1 AND NOT ok AND scope = 'natural'`, [r.versionId]);
    expect(brokenNatural).toBe(0);
  });

  it("records corrections after saving as a new version, and refuses a key outside the format", async () => {
    const report = (await db.pool.query(`SELECT id, current_version_id FROM report LIMIT 1`)).rows[0];
    const bad = await correctReport({ reportId: report.id, valueOverrides: { "active.procurement.items": 3 }, actor: "reviewer", pool: db.pool });
    expect(!bad.ok && bad.error.code).toBe("invalid_correction");
    const ok = await correctReport({ reportId: report.id, valueOverrides: { "active.penalty": 1300 }, metadataOverrides: { year: 2022 }, actor: "reviewer", pool: db.pool, note: "typo" });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.versionNo).toBe(2);
    const fields = (await db.pool.query(`SELECT field, old_value, new_value FROM correction WHERE version_id = $1 ORDER BY field`, [ok.versionId])).rows;
    expect(fields).toEqual([
      { field: "active.penalty", old_value: "1251", new_value: "1300" },
      { field: "meta.year", old_value: "2023", new_value: "2022" },
    ]);
    expect((await db.pool.query(`SELECT year FROM report WHERE id = $1`, [report.id])).rows[0].year).toBe(2022);
    expect(await invariantViolations(db.pool)).toEqual([]);
    const missing = await correctReport({ reportId: 999999, valueOverrides: {}, actor: "x", pool: db.pool });
    expect(!missing.ok && missing.error.code).toBe("not_found");
  });

  it("re-parses into a new version, keeping the old ones and re-applying value corrections", async () => {
    const before = await db.pool.query(`SELECT id, current_version_id FROM report LIMIT 1`);
    const reportId = before.rows[0].id;
    const versionsBefore = await count(db.pool, "report_version", "report_id = $1", [reportId]);
    const summary = await reparseAll({ pool: db.pool, force: true });
    expect(summary.counts.reparsed).toBeGreaterThan(0);
    expect(await count(db.pool, "report_version", "report_id = $1", [reportId])).toBe(versionsBefore + 1);
    const current = await db.pool.query(
      `SELECT rv.origin, vals."${columnForKey("active.penalty")}" AS penalty, vals."${columnForKey("apps.total.natural")}" AS total_natural
         FROM report r JOIN report_version rv ON rv.id = r.current_version_id JOIN report_values vals ON vals.version_id = rv.id WHERE r.id = $1`,
      [reportId],
    );
    expect(current.rows[0]).toEqual({ origin: "reparse", penalty: 1300, total_natural: 7 });
    expect(await invariantViolations(db.pool)).toEqual([]);
    // Without --force nothing is re-read twice by the same parser version.
    const again = await reparseAll({ pool: db.pool });
    expect(again.counts.reparsed).toBe(0);
  });

  it("deletes a report's versions but keeps the uploaded bytes, so the file can be imported again", async () => {
    await fresh();
    const seed = seedFiles()[2]!;
    const r = await ingestFile({ fileName: seed.name, bytes: seed.bytes, actor: "test", pool: db.pool });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await deleteReport(r.reportId, db.pool)).toBe(true);
    expect(await count(db.pool, "report")).toBe(0);
    expect(await count(db.pool, "report_version")).toBe(0);
    expect(await count(db.pool, "source_file")).toBe(1);
    const again = await ingestFile({ fileName: seed.name, bytes: seed.bytes, actor: "test", pool: db.pool });
    expect(again.ok && again.status).toBe("imported");
    expect(await count(db.pool, "source_file")).toBe(1);
    expect(await deleteReport(123456, db.pool)).toBe(false);
  });

  it("seeds the five samples through the same path only into an empty database", async () => {
    await fresh();
    const first = await seedSamplesIfEmpty(db.pool);
    expect(first.seeded).toBe(true);
    expect(first.results.filter((r) => r.ok)).toHaveLength(5);
    const second = await seedSamplesIfEmpty(db.pool);
    expect(second.seeded).toBe(false);
    expect(await count(db.pool, "report")).toBe(5);
  });
});
