import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, MigrationError } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

/** An empty database (no tables at all) on the shared test server. */
async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_ADMIN_URL!;
  const name = `atlas_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(admin);
  u.pathname = "/" + name;
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    },
  };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe("migrate()", () => {
  it("creates every table on an empty database and records each migration like Prisma", async () => {
    const db = await createEmptyDatabase();
    try {
      const first = await migrate(db.url);
      const names = listMigrations().map((m) => m.name);
      expect(first.applied).toEqual(names);
      const tables = (await query<{ table_name: string }>(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map((r) => r.table_name);
      for (const t of ["agency", "report", "source_file", "report_version", "report_values", "check_result", "correction", "admin_session", "_prisma_migrations"]) {
        expect(tables).toContain(t);
      }
      const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        db.url,
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(names);
      expect(recorded.map((r) => r.checksum)).toEqual(listMigrations().map((m) => m.checksum));
      expect(recorded.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);

      // Idempotent: a second run applies nothing and records nothing new.
      const second = await migrate(db.url);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(names);
      const count = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
      expect(Number(count[0].n)).toBe(names.length);
    } finally {
      await db.drop();
    }
  });

  it("rolls back a failing migration completely and names it", async () => {
    const db = await createEmptyDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-migrations-"));
    try {
      mkdirSync(path.join(dir, "20200101000000_ok"));
      writeFileSync(path.join(dir, "20200101000000_ok", "migration.sql"), `CREATE TABLE "ok_table" ("id" INTEGER);`);
      mkdirSync(path.join(dir, "20200102000000_broken"));
      writeFileSync(path.join(dir, "20200102000000_broken", "migration.sql"), `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";`);
      const error = await migrate(db.url, { dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migration).toBe("20200102000000_broken");
      expect((error as Error).message).toMatch(/no_such_table/);
      const tables = (await query<{ table_name: string }>(db.url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map((r) => r.table_name);
      expect(tables).toContain("ok_table");
      expect(tables).not.toContain("half_done");
      const recorded = await query<{ migration_name: string }>(db.url, `SELECT migration_name FROM "_prisma_migrations"`);
      expect(recorded.map((r) => r.migration_name)).toEqual(["20200101000000_ok"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it("lets two processes migrate the same database at once without applying twice", async () => {
    const db = await createEmptyDatabase();
    try {
      const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(listMigrations().map((m) => m.name));
    } finally {
      await db.drop();
    }
  });
});

describe("report_version: at most one current version per report", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("rejects a second is_current version of the same report but allows one per report", async () => {
    const p = db.prisma;
    const agency = await p.agency.create({ data: { identityKey: "test|||甲", name: "甲", kind: "government", level: "county" } });
    const file = await p.sourceFile.create({
      data: { sha256: "a".repeat(64), fileName: "a.html", mediaType: "text/html", byteSize: 1, content: new Uint8Array([1]), uploadedBy: "test" },
    });
    const r1 = await p.report.create({ data: { agencyId: agency.id, year: 2023 } });
    const r2 = await p.report.create({ data: { agencyId: agency.id, year: 2024 } });
    const version = (reportId: number, versionNo: number, isCurrent: boolean) => ({
      reportId,
      versionNo,
      isCurrent,
      sourceFileId: file.id,
      origin: "upload",
      format: "2021",
      parserVersion: "test",
      parsed: {},
      createdBy: "test",
    });
    await p.reportVersion.create({ data: version(r1.id, 1, true) });
    await p.reportVersion.create({ data: version(r1.id, 2, false) });
    await p.reportVersion.create({ data: version(r2.id, 1, true) });
    await expect(p.reportVersion.create({ data: version(r1.id, 3, true) })).rejects.toThrow();
    const current = await db.pool.query(`SELECT report_id, count(*)::int AS n FROM report_version WHERE is_current GROUP BY report_id ORDER BY report_id`);
    expect(current.rows).toEqual([
      { report_id: r1.id, n: 1 },
      { report_id: r2.id, n: 1 },
    ]);
    // Switching the current version inside one transaction is what ingest does, and it must work.
    await p.$transaction([
      p.reportVersion.updateMany({ where: { reportId: r1.id, isCurrent: true }, data: { isCurrent: false } }),
      p.reportVersion.update({ where: { reportId_versionNo: { reportId: r1.id, versionNo: 2 } }, data: { isCurrent: true } }),
    ]);
    const now = await p.reportVersion.findMany({ where: { reportId: r1.id, isCurrent: true } });
    expect(now.map((v) => v.versionNo)).toEqual([2]);
  });
});
