/**
 * Recovery of the embedded server after unclean stops — what `npm start` relies on after a crash or
 * `kill -9`. Each test uses its own cluster folder (not the shared test server).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.ts";
import { randomFreePort } from "./ports.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BASE = path.join(ROOT, ".test-data", `recovery-${process.pid}`);
const started: RunningPostgres[] = [];

afterAll(async () => {
  for (const s of started) await s.stop();
  rmSync(BASE, { recursive: true, force: true });
});

async function start(dir: string, port?: number): Promise<RunningPostgres> {
  const s = await startEmbeddedPostgres({ dataDir: path.join(BASE, dir), port: port ?? (await randomFreePort()) });
  started.push(s);
  return s;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

/** A separate Node process owning a server, as `npm start` does; SIGTERM stops it cleanly. */
async function runOwner(dir: string, port: number): Promise<{ child: ChildProcess; serverPid: number; url: string }> {
  mkdirSync(BASE, { recursive: true });
  const script = path.join(BASE, "owner.mts");
  writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(ROOT, "lib/db/embedded-postgres.ts"))};\n` +
      `const s = await startEmbeddedPostgres({ dataDir: process.argv[2], port: Number(process.argv[3]) });\n` +
      `process.on("SIGTERM", () => { void s.stop().then(() => process.exit(0)); });\n` +
      `console.log("READY " + s.pid + " " + s.url);\nsetInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script, dir, String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /READY (\d+) (\S+)/.exec(out);
      if (m) resolve({ child, serverPid: Number(m[1]), url: m[2] });
    });
    child.once("exit", (code) => reject(new Error(`the owner process exited early (code ${code}): ${out}`)));
  });
}

describe("embedded PostgreSQL recovery", () => {
  it("keeps data across a clean stop and start", async () => {
    const a = await start("clean");
    await sql(a.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('甲')`);
    await a.stop();
    expect(existsSync(path.join(BASE, "clean", "postmaster.pid"))).toBe(false);
    const b = await start("clean");
    expect(await sql(b.url, `SELECT v FROM kept`)).toEqual([{ v: "甲" }]);
    await b.stop();
  });

  it("starts again after the server was killed with SIGKILL (stale postmaster.pid), with committed data intact", async () => {
    const a = await start("killed");
    await sql(a.url, `CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)`);
    process.kill(a.pid, "SIGKILL");
    await a.exited;
    expect(existsSync(path.join(BASE, "killed", "postmaster.pid"))).toBe(true);
    const b = await start("killed");
    expect(await sql(b.url, `SELECT v FROM kept`)).toEqual([{ v: 42 }]);
    await b.stop();
  });

  it("shuts down a server orphaned by a kill -9 of its parent process, then starts (in a fresh process)", async () => {
    const dir = path.join(BASE, "orphan");
    const port = await randomFreePort();
    const first = await runOwner(dir, port);
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    expect(alive(first.serverPid)).toBe(true); // the server outlived its parent

    // A separate process, like the next `npm start`: nothing else keeps its event loop busy.
    const second = await runOwner(dir, port);
    expect(alive(first.serverPid)).toBe(false);
    expect(second.serverPid).not.toBe(first.serverPid);
    expect(await sql<{ ok: number }>(second.url, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    second.child.kill("SIGTERM");
    const code = await new Promise((r) => second.child.once("exit", r));
    expect(code).toBe(0);
    expect(alive(second.serverPid)).toBe(false);
  });

  it("ignores a postmaster.pid whose pid now belongs to an unrelated process", async () => {
    const a = await start("reused");
    await a.stop();
    // This test process is alive and is not a postgres of that folder: exactly the "pid reused" case.
    writeFileSync(path.join(BASE, "reused", "postmaster.pid"), `${process.pid}\n${path.join(BASE, "reused")}\n0\n1\n\n127.0.0.1\n0 0\nready\n`);
    const b = await start("reused");
    expect(await sql<{ ok: number }>(b.url, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    expect(alive(process.pid)).toBe(true);
    await b.stop();
  });

  it("redoes an interrupted initdb", async () => {
    const dir = path.join(BASE, "half");
    mkdirSync(path.join(dir, "base"), { recursive: true });
    writeFileSync(path.join(dir, "postgresql.conf"), "# left over\n");
    const a = await start("half");
    expect(await sql<{ ok: number }>(a.url, `SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
    await a.stop();
  });

  it("refuses a data folder whose server is running for a live process, and a busy port", async () => {
    const a = await start("busy");
    const second = await startEmbeddedPostgres({ dataDir: path.join(BASE, "busy"), port: await randomFreePort() }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(EmbeddedPostgresError);
    expect((second as EmbeddedPostgresError).code).toBe("in_use");
    expect(alive(a.pid)).toBe(true);

    const blocker = net.createServer();
    const port = await randomFreePort();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      const third = await startEmbeddedPostgres({ dataDir: path.join(BASE, "other"), port }).catch((e: unknown) => e);
      expect(third).toBeInstanceOf(EmbeddedPostgresError);
      expect((third as EmbeddedPostgresError).code).toBe("port_in_use");
      expect((third as Error).message).toContain(String(port));
    } finally {
      blocker.close();
      await a.stop();
    }
  });

  it("stop() waits for the server to exit", async () => {
    const a = await start("stop");
    await a.stop();
    expect(alive(a.pid)).toBe(false);
    await a.stop(); // twice is harmless
  });
});
