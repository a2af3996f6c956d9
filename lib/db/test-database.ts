/**
 * A fresh, migrated database for one integration test file (or test): copied from the template that the
 * vitest globalSetup migrated on the shared embedded server, so it costs milliseconds.
 *
 *   const db = await createTestDatabase();       // also becomes DATABASE_URL for getPrisma()/getPool()
 *   afterAll(() => db.drop());
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { closeDatabase, createPrismaClient } from "./client.ts";
import type { PrismaClient } from "./generated/client.ts";
import { TEMPLATE_DATABASE } from "./test-template.ts";

export { TEMPLATE_DATABASE };

export type TestDatabase = {
  url: string;
  name: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
};

function adminUrl(): string {
  let url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) {
    try {
      url = inject("testDatabaseAdminUrl");
    } catch {
      // not inside a vitest run with the integration globalSetup
    }
  }
  if (!url) {
    throw new Error("No test PostgreSQL: integration tests must be named *.int.test.ts so vitest's globalSetup (lib/db/test-global-setup.ts) starts one.");
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = "/" + database;
  return u.toString();
}

export async function createTestDatabase(options: { setAsDefault?: boolean } = {}): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `atlas_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // Copies of one template are serialised by Postgres only when they collide; retry that rare case.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        break;
      } catch (e) {
        if (attempt < 20 && /being accessed by other users/.test((e as Error).message)) {
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
          continue;
        }
        throw e;
      }
    }
  } finally {
    await client.end();
  }
  const url = withDatabase(admin, name);
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on("error", () => {});
  const prisma = createPrismaClient(pool);
  if (options.setAsDefault !== false) process.env.DATABASE_URL = url;
  let dropped = false;
  return {
    url,
    name,
    prisma,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect().catch(() => {});
      await pool.end().catch(() => {});
      if (process.env.DATABASE_URL === url) await closeDatabase();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
