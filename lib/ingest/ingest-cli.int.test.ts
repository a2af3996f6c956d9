/**
 * The bulk CLI as a user runs it (a child process over a folder): summary and exit code, idempotent re-runs,
 * and a kill -9 in the middle leaving only whole reports, completed by the next run.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { syntheticReport } from "./synthetic-report";
import { count, invariantViolations } from "./test-helpers";

const ROOT = path.resolve(__dirname, "../..");
let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "atlas-ingest-cli-"));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], script = "scripts/ingest.ts"): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>; kill(): void } {
  // `node --import tsx` keeps it one process, so SIGKILL hits the importer itself (the tsx binary would fork).
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: path.join(dir, ".data") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { done, kill: () => child.kill("SIGKILL") };
}

/** The upload route served over real HTTP from this process (the CLI's --url mode talks to it). */
async function serveUploadRoute(): Promise<{ url: string; close(): Promise<void> }> {
  const route = await import("../../app/api/reports/route");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const response = await route.POST(new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("npm run ingest", () => {
  it("imports a folder, prints a summary, and skips everything on a second run", async () => {
    const folder = path.join(dir, "small");
    rmSync(folder, { recursive: true, force: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    for (let i = 0; i < 6; i++) {
      const r = syntheticReport(400 + i);
      writeFileSync(path.join(folder, i < 3 ? "" : "sub", r.fileName), r.bytes);
    }
    writeFileSync(path.join(folder, "cover.jpg"), new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    const first = await runCli([folder]).done;
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/imported: 6/);
    expect(first.stdout).toMatch(/failed: 0/);
    expect(first.stderr).toMatch(/ingest \[#+\] 6\/6/);
    expect(await count(db.pool, "report")).toBe(6);

    const second = await runCli([folder]).done;
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/imported: 0/);
    expect(second.stdout).toMatch(/already in \(skipped\): 6/);
    expect(await count(db.pool, "report")).toBe(6);
  });

  it("exits non-zero and names the reason for each failed file", async () => {
    const bad = path.join(dir, "minutes.txt");
    writeFileSync(bad, "本周例会纪要：无。");
    const missing = path.join(dir, "does-not-exist");
    const run = await runCli([bad, missing]).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed: 1/);
    expect(run.stdout).toContain("minutes.txt");
    expect(run.stdout).toMatch(/not_a_report/);
    expect(run.stdout).toContain(missing);
  });

  it("imports through the API with --url and the admin password, and stops at once on a wrong password", async () => {
    process.env.ADMIN_PASSWORD = "cli-test-password";
    const server = await serveUploadRoute();
    try {
      const folder = path.join(dir, "via-api");
      const { mkdirSync } = await import("node:fs");
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < 4; i++) {
        const r = syntheticReport(700 + i, { kind: i % 2 === 0 ? "html" : "docx" });
        writeFileSync(path.join(folder, r.fileName), r.bytes);
      }
      const reportsBefore = await count(db.pool, "report");
      const wrong = await runCli([folder, "--url", server.url, "--password", "nope"]).done;
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/aborted: 403/);
      expect(await count(db.pool, "report")).toBe(reportsBefore);

      const ok = await runCli([folder, "--url", server.url, "--password", "cli-test-password"]).done;
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/imported: 4/);
      expect(await count(db.pool, "report")).toBe(reportsBefore + 4);
      const uploader = await db.pool.query(`SELECT DISTINCT uploaded_by FROM source_file WHERE file_name LIKE 'synthetic-0070%'`);
      expect(uploader.rows).toEqual([{ uploaded_by: "admin" }]);
    } finally {
      await server.close();
      delete process.env.ADMIN_PASSWORD;
    }
  });

  it("npm run reparse records a new reading of every stored original and keeps the old versions", async () => {
    const versions = await count(db.pool, "report_version");
    const reports = await count(db.pool, "report");
    const up = await runCli([], "scripts/reparse.ts").done;
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/already up to date: [1-9]/);
    expect(await count(db.pool, "report_version")).toBe(versions);
    const forced = await runCli(["--force"], "scripts/reparse.ts").done;
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`re-parsed (new version): ${reports}`);
    expect(await count(db.pool, "report_version")).toBe(versions + reports);
    expect(await count(db.pool, "report_version", "origin = 'reparse' AND is_current")).toBe(reports);
    expect(await invariantViolations(db.pool)).toEqual([]);
  });

  it("leaves no partial report when killed with -9 mid-way, and a re-run completes the import", async () => {
    await db.pool.query(`TRUNCATE correction, check_result, report_values, report_version, report, agency, source_file RESTART IDENTITY CASCADE`);
    const folder = path.join(dir, "big");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(folder, { recursive: true });
    const total = 150;
    for (let i = 0; i < total; i++) {
      const r = syntheticReport(1000 + i);
      writeFileSync(path.join(folder, r.fileName), r.bytes);
    }
    const run = runCli([folder, "--concurrency", "4"]);
    // Wait until part of the folder is in, then pull the plug.
    const deadline = Date.now() + 60_000;
    while ((await count(db.pool, "report")) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    run.kill();
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    const partial = await count(db.pool, "report");
    expect(partial).toBeGreaterThanOrEqual(15);
    expect(partial).toBeLessThan(total);
    expect(await invariantViolations(db.pool)).toEqual([]);
    // Every stored file is either a whole report or a recorded failure; none is half-written.
    expect(await count(db.pool, "source_file sf", "sf.parse_error IS NULL AND NOT EXISTS (SELECT 1 FROM report_version v WHERE v.source_file_id = sf.id)")).toBe(0);

    const rerun = await runCli([folder]).done;
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`already in \\(skipped\\): ${partial}\\b`));
    expect(await count(db.pool, "report")).toBe(total);
    expect(await count(db.pool, "report_version")).toBe(total);
    expect(await invariantViolations(db.pool)).toEqual([]);
  });
});
