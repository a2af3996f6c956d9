/**
 * Which database a command-line tool (ingest, reparse) writes to: DATABASE_URL when set; else the embedded
 * PostgreSQL of the data folder — the one `npm start` is running right now, or one started (and migrated)
 * just for this command and stopped at the end.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../auth/admin-password";
import { DEFAULT_DATABASE, DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { findFreePort } from "../db/ports";

export interface CliDatabase {
  url: string;
  /** Where it came from, for the first line of output. */
  description: string;
  stop(): Promise<void>;
}

function runningServerPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(pgDir)) return null;
  } catch {
    // no /proc: trust the pid file
  }
  return port;
}

export async function resolveCliDatabase(log: (line: string) => void = () => {}): Promise<CliDatabase> {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, description: `DATABASE_URL (${u.host}${u.pathname})`, stop: async () => {} };
  }
  const pgDir = path.join(dataDir(), "pg");
  const port = runningServerPort(pgDir);
  if (port !== null) {
    const url = `postgresql://postgres:postgres@127.0.0.1:${port}/${DEFAULT_DATABASE}`;
    return { url, description: `the running embedded PostgreSQL of ${pgDir} (port ${port})`, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: await findFreePort(DEFAULT_EMBEDDED_PORT), log });
  await migrate(pg.url, { log });
  return { url: pg.url, description: `embedded PostgreSQL in ${pgDir} (started for this command)`, stop: () => pg.stop() };
}
