/**
 * The process-wide database handles. Both read DATABASE_URL lazily (on first use, not at import), so
 * `next build` can import route modules without a database, and share one pg.Pool.
 * Only lib/ingest, lib/queries, lib/db, lib/auth and scripts/ may import this (lib/architecture.test.ts).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";

type Handles = { url: string; pool: pg.Pool; prisma?: PrismaClient };

// Kept on globalThis so that `next dev` hot reloads do not open a new pool per edit.
const g = globalThis as typeof globalThis & { __atlasDb?: Handles };

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super("DATABASE_URL is not set. Start the app with `npm start` (it starts an embedded PostgreSQL) or set DATABASE_URL.");
    this.name = "DatabaseNotConfiguredError";
  }
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new DatabaseNotConfiguredError();
  return url;
}

function handles(): Handles {
  const url = databaseUrl();
  const current = g.__atlasDb;
  if (current && current.url === url) return current;
  // DATABASE_URL changed (tests switch databases): drop the old handles, they point elsewhere.
  if (current) {
    void current.prisma?.$disconnect().catch(() => {});
    void current.pool.end().catch(() => {});
  }
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10), connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", (err: Error & { code?: string }) => {
    // 57P01: the server is shutting down (Ctrl-C reaches PostgreSQL and Next together); nothing to report.
    if (err.code !== "57P01") console.error("[db] idle connection error:", err.message);
  });
  g.__atlasDb = { url, pool };
  return g.__atlasDb;
}

/** Raw parameterised SQL: `getPool().query("SELECT … WHERE id = $1", [id])`. */
export function getPool(): pg.Pool {
  return handles().pool;
}

export function getPrisma(): PrismaClient {
  const h = handles();
  h.prisma ??= createPrismaClient(h.pool);
  return h.prisma;
}

/** A Prisma client over a given pool or URL (tests use their own database, not the process default). */
export function createPrismaClient(poolOrUrl: pg.Pool | string): PrismaClient {
  const adapter = typeof poolOrUrl === "string" ? new PrismaPg({ connectionString: poolOrUrl }) : new PrismaPg(poolOrUrl);
  return new PrismaClient({ adapter });
}

/** Closes the default handles (scripts call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const current = g.__atlasDb;
  g.__atlasDb = undefined;
  if (!current) return;
  await current.prisma?.$disconnect().catch(() => {});
  await current.pool.end().catch(() => {});
}
