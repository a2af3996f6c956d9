/**
 * Vitest globalSetup of the integration project: ONE embedded PostgreSQL for the whole run, in
 * .test-data/pg-<pid> on a free port, plus a migrated template database that createTestDatabase() copies.
 * Folders of earlier runs that were killed are cleaned up first (several runs may share the tree).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.ts";
import { migrate } from "./migrate.ts";
import { randomFreePort } from "./ports.ts";
import { TEMPLATE_DATABASE } from "./test-template.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const TEST_DATA_DIR = path.join(ROOT, ".test-data");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

/** Removes .test-data/pg-<pid> (and recovery-<pid>) folders whose vitest process is gone, stopping a surviving server. */
function removeAbandonedClusters(): void {
  if (!existsSync(TEST_DATA_DIR)) return;
  for (const name of readdirSync(TEST_DATA_DIR)) {
    const m = /^(?:pg|recovery)-(\d+)$/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const dir = path.join(TEST_DATA_DIR, name);
    const clusters = [dir, ...readdirSync(dir).map((sub) => path.join(dir, sub))];
    for (const cluster of clusters) {
      const pidFile = path.join(cluster, "postmaster.pid");
      if (!existsSync(pidFile)) continue;
      const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
      // Only a postgres of this very folder (the pid may have been reused by anything else).
      if (pid > 0 && alive(pid) && cmdline(pid).includes(cluster)) {
        try {
          process.kill(pid, "SIGQUIT"); // throwaway data: immediate shutdown
        } catch {
          // already gone
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

let server: RunningPostgres | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  removeAbandonedClusters();
  const dataDir = path.join(TEST_DATA_DIR, `pg-${process.pid}`);
  server = await startEmbeddedPostgres({ dataDir, port: await randomFreePort(), database: TEMPLATE_DATABASE });
  await migrate(server.url);
  // Nobody may stay connected to a template, or CREATE DATABASE … TEMPLATE fails.
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEMPLATE_DATABASE]);
  await admin.end();
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
  project.provide("testDatabaseAdminUrl", server.adminUrl);
  return async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}
