/**
 * "Stopping the server with kill -9 in the middle of a bulk import leaves no partial report, and a re-run
 * completes it": the app server and its PostgreSQL are both killed with SIGKILL while `npm run ingest --url`
 * is sending a folder; after a restart (crash recovery) every stored file is a whole report, and the re-run
 * imports exactly the rest.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { randomFreePort } from "../db/ports";
import { syntheticReport } from "./synthetic-report";
import { count, invariantViolations } from "./test-helpers";

const ROOT = path.resolve(__dirname, "../..");
const PASSWORD = "crash-test-password";
const dir = mkdtempSync(path.join(tmpdir(), "atlas-crash-"));
const children: ChildProcess[] = [];
let postgres: RunningPostgres | null = null;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await postgres?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

function node(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/**
 * A pool for a database this test shuts down or kills on purpose: a connection still closing when the
 * server goes away reports "terminating connection due to administrator command" (57P01) or a reset, which
 * is expected here and must not surface as an unhandled error; anything else still fails the run.
 */
function quietPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (err: Error & { code?: string }) => {
    if (err.code !== "57P01" && err.code !== "ECONNRESET") throw err;
  });
  return pool;
}

async function startServer(url: string): Promise<{ url: string; child: ChildProcess }> {
  const s = node(["lib/ingest/test-upload-server.ts"], { DATABASE_URL: url, ADMIN_PASSWORD: PASSWORD });
  const deadline = Date.now() + 60_000;
  while (!/LISTENING (\S+)/.test(s.output())) {
    if (Date.now() > deadline || s.child.exitCode !== null) throw new Error(`upload server did not start: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: /LISTENING (\S+)/.exec(s.output())![1]!, child: s.child };
}

describe("kill -9 of the server during a bulk import", () => {
  it("leaves only whole reports, and a re-run completes the import", async () => {
    const pgDir = path.join(dir, "pg");
    const port = await randomFreePort();
    postgres = await startEmbeddedPostgres({ dataDir: pgDir, port });
    await migrate(postgres.url);
    const folder = path.join(dir, "reports");
    mkdirSync(folder);
    const total = 120;
    for (let i = 0; i < total; i++) {
      const r = syntheticReport(2000 + i);
      writeFileSync(path.join(folder, r.fileName), r.bytes);
    }

    const server = await startServer(postgres.url);
    const cli = node(["scripts/ingest.ts", folder, "--url", server.url, "--password", PASSWORD, "--concurrency", "4"], {});
    const watch = quietPool(postgres.url, 1);
    const deadline = Date.now() + 60_000;
    while ((await count(watch, "report")) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await watch.end();

    // Pull the plug on the app server and its database at once.
    server.child.kill("SIGKILL");
    process.kill(postgres.pid, "SIGKILL");
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/aborted|中止/);
    await postgres.exited;

    // Restart: Postgres recovers from its WAL; nothing half-written may remain.
    postgres = await startEmbeddedPostgres({ dataDir: pgDir, port });
    const db = quietPool(postgres.url, 2);
    try {
      const partial = await count(db, "report");
      expect(partial).toBeGreaterThanOrEqual(15);
      expect(partial).toBeLessThan(total);
      expect(await invariantViolations(db)).toEqual([]);
      expect(await count(db, "source_file sf", "sf.parse_error IS NULL AND NOT EXISTS (SELECT 1 FROM report_version v WHERE v.source_file_id = sf.id)")).toBe(0);

      const restarted = await startServer(postgres.url);
      const rerun = node(["scripts/ingest.ts", folder, "--url", restarted.url, "--password", PASSWORD], {});
      expect(await rerun.exited, rerun.output()).toBe(0);
      expect(rerun.output()).toMatch(/failed: 0/);
      expect(await count(db, "report")).toBe(total);
      expect(await count(db, "report_version")).toBe(total);
      expect(await invariantViolations(db)).toEqual([]);
      restarted.child.kill("SIGTERM");
    } finally {
      await db.end();
    }
  });
});
