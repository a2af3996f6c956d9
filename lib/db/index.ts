/**
 * Database handles for server code (route handlers, lib/ingest, lib/queries, lib/auth).
 * Process-level tools live in their own modules so a Next bundle never pulls them in:
 *   migrate(url)                → lib/db/migrate.ts
 *   startEmbeddedPostgres(opts) → lib/db/embedded-postgres.ts
 *   createTestDatabase()        → lib/db/test-database.ts (integration tests)
 */
export { getPrisma, getPool, createPrismaClient, closeDatabase, databaseUrl, DatabaseNotConfiguredError } from "./client.ts";
export type { PrismaClient } from "./generated/client.ts";
export { Prisma } from "./generated/client.ts";
