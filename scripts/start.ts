/**
 * `npm start` / `npm run dev`: everything needed to serve Disclosure Atlas from a fresh clone.
 *
 *   1. the database: DATABASE_URL when set, otherwise an embedded PostgreSQL in $DATA_DIR/pg
 *      (port 54329 or the next free one), recovered automatically after an unclean stop;
 *   2. migrations (prisma/migrations), the admin password, sample reports on an empty database;
 *   3. `next build` when .next is missing or older than the sources (not for --dev);
 *   4. `next start` (or `next dev`) as a child; SIGINT/SIGTERM are forwarded, and Postgres is stopped
 *      after Next has exited, so no request loses its database halfway.
 *
 * Options: -p/--port N (or PORT, default 3000), --dev. Environment: DATABASE_URL, DATA_DIR (default .data),
 * PG_PORT (embedded server port), ADMIN_PASSWORD.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { EmbeddedPostgresError, startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres.ts";
import { describeDatabaseError } from "../lib/db/errors.ts";
import { migrate, MigrationError } from "../lib/db/migrate.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const GENERATED_CLIENT = path.join(ROOT, "lib", "db", "generated", "client.ts");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");

/** Handles of lib/db/client.ts, imported only once the generated Prisma client is known to exist. */
let closeDatabase: () => Promise<void> = async () => {};

/** `npm install --ignore-scripts`, or a schema edited since: (re)generate the Prisma client first. */
async function ensurePrismaClient(): Promise<void> {
  if (!existsSync(GENERATED_CLIENT) || statSync(SCHEMA).mtimeMs > statSync(GENERATED_CLIENT).mtimeMs) {
    say("generating the Prisma client…");
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "postinstall.mjs")], { cwd: ROOT, stdio: "inherit" });
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    if (code !== 0) fail("Generating the Prisma client failed (see above). Run npm install, then npm start again.");
  }
  ({ closeDatabase } = await import("../lib/db/client.ts"));
}

const say = (line: string) => console.log(`[atlas] ${line}`);
const fail = (line: string): never => {
  console.error(`\n[atlas] ${line}\n`);
  process.exit(1);
};

type Options = { port: number; dev: boolean };

function parseArgs(argv: string[]): Options {
  let port: string | undefined = process.env.PORT;
  let dev = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dev") dev = true;
    else if (a === "-p" || a === "--port") port = argv[++i];
    else if (a.startsWith("--port=")) port = a.slice("--port=".length);
    else if (/^-p\d+$/.test(a)) port = a.slice(2);
    else if (a === "-h" || a === "--help") {
      console.log("Usage: npm start [-- -p PORT] | npm run dev [-- -p PORT]\nEnvironment: PORT, DATABASE_URL, DATA_DIR (default .data), PG_PORT, ADMIN_PASSWORD");
      process.exit(0);
    } else fail(`Unknown option "${a}". Usage: npm start -- -p 3000`);
  }
  const n = Number(port ?? 3000);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`"${port}" is not a valid port number (1–65535).`);
  return { port: n, dev };
}

/** Next listens on all interfaces; test the same way so "busy" means what Next would hit. */
function appPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function checkExternalDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    fail(
      `Cannot reach the database at ${maskUrl(url)}: ${describeDatabaseError(e)}.\n` +
        `        Check DATABASE_URL, or unset it to use the embedded PostgreSQL (data in DATA_DIR/pg).`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Imports a module another part of the project provides; null (with the reason) when it is not there yet. */
async function optionalModule<T>(relativePath: string): Promise<T | null> {
  const file = path.join(ROOT, relativePath);
  if (!existsSync(file)) return null;
  return (await import(pathToFileURL(file).href)) as T;
}

type AdminPasswordModule = { ensureAdminPassword(dir: string): { password: string; source: string; file: string | null } };
type SeedModule = { seedSamplesIfEmpty(): Promise<{ seeded: boolean; results: { ok: boolean; file: string; error?: { message: string } }[] }> };

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];

/** Newest modification time among the files `next build` reads (tests and fixtures excluded). */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      const name = path.basename(p);
      if (name === "node_modules" || name === "__fixtures__" || name.startsWith(".")) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else if (!/\.(test|spec)\.tsx?$/.test(p)) {
      newest = Math.max(newest, s.mtimeMs);
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(ROOT, input));
  return newest;
}

function buildIsStale(): string | null {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  return newestSourceTime() > statSync(buildId).mtimeMs ? "sources changed since the last build" : null;
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // `node …/next` rather than npx: killing an npx wrapper would leave next-server running.
  return spawn(process.execPath, ["--require", path.join(ROOT, "scripts", "exit-with-parent.cjs"), NEXT_BIN, ...args], { cwd: ROOT, env, stdio: "inherit" });
}

async function waitForHealthy(port: number, child: ChildProcess, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && child.exitCode === null && child.signalCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(ROOT, ".data"));
  const startedAt = Date.now();

  if (!(await appPortFree(options.port))) {
    fail(`Port ${options.port} is already in use. Stop whatever uses it, or choose another port: npm start -- -p ${options.port + 1}`);
  }
  mkdirSync(dataDir, { recursive: true });
  await ensurePrismaClient();

  let embedded: RunningPostgres | null = null;
  let next: ChildProcess | null = null;
  let stopping = false;

  const shutdown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    if (next && next.exitCode === null && next.signalCode === null) {
      say(`${why}: stopping Next…`);
      const exited = new Promise((r) => next!.once("exit", r));
      next.kill("SIGTERM");
      const timer = setTimeout(() => next?.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await closeDatabase();
    if (embedded) {
      say("stopping PostgreSQL…");
      await embedded.stop();
    }
    say("stopped.");
    process.exit(code);
  };
  /** A fatal problem after Postgres started: stop it (it is not "unexpected"), then explain and exit. */
  const abort = async (message: string): Promise<never> => {
    stopping = true;
    await closeDatabase();
    await embedded?.stop();
    return fail(message);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(`received ${signal}`, 0));
  }

  // 1. Database
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    await checkExternalDatabase(databaseUrl);
    say(`database: ${maskUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    const pgPort = process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined;
    if (pgPort !== undefined && !(Number.isInteger(pgPort) && pgPort > 0 && pgPort < 65536)) fail(`PG_PORT="${process.env.PG_PORT}" is not a valid port number.`);
    try {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort, log: (l) => say(l) });
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) fail(e.message);
      throw e;
    }
    databaseUrl = embedded.url;
    process.env.DATABASE_URL = databaseUrl;
    // If Postgres dies under us, there is nothing left to serve.
    void embedded.exited.then(() => {
      if (!stopping) {
        console.error("[atlas] PostgreSQL exited unexpectedly; see", path.join(dataDir, "pg", "server.log"));
        void shutdown("database stopped", 1);
      }
    });
  }

  // 2. Schema, admin password, sample data
  try {
    const result = await migrate(databaseUrl, { log: (l) => say(l) });
    if (result.applied.length === 0) say(`database schema up to date (${result.alreadyApplied.length} migrations)`);
  } catch (e) {
    const message = e instanceof MigrationError ? e.message : `Migrating the database failed: ${describeDatabaseError(e)} (${(e as Error).message})`;
    await abort(message);
  }

  const passwordModule = await optionalModule<AdminPasswordModule>("lib/auth/admin-password.ts");
  const admin = passwordModule?.ensureAdminPassword(dataDir) ?? null;
  if (!admin) say("admin sign-in is not available yet (lib/auth/admin-password.ts is missing)");

  try {
    const seedModule = await optionalModule<SeedModule>("lib/ingest/seed-samples.ts");
    if (!seedModule) say("no sample reports loaded (lib/ingest/seed-samples.ts is missing)");
    else {
      const outcome = await seedModule.seedSamplesIfEmpty();
      if (outcome.seeded) {
        const failed = outcome.results.filter((r) => !r.ok);
        say(`loaded ${outcome.results.length - failed.length} sample reports into the empty database`);
        for (const f of failed) say(`  sample ${f.file} was not loaded: ${f.error?.message ?? "unknown error"}`);
      }
    }
  } catch (e) {
    // Samples are a convenience: the app still starts, and says why there are none.
    console.error("[atlas] loading the sample reports failed:", (e as Error).message);
  }
  await closeDatabase();

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(options.port) };

  // 3. Build (production only)
  if (!options.dev) {
    const stale = buildIsStale();
    if (stale) {
      say(`building the app (${stale})…`);
      const t = Date.now();
      next = runNext(["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
      const code = await new Promise<number | null>((r) => next!.once("exit", (c) => r(c)));
      next = null;
      if (stopping) return;
      if (code !== 0) {
        await abort("The build failed (see the messages above). Fix the error and run npm start again.");
      }
      say(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  if (stopping) return;

  // 4. Serve
  next = runNext([options.dev ? "dev" : "start", "-p", String(options.port)], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
  next.once("exit", (code, signal) => {
    if (!stopping) void shutdown(`Next exited (${signal ?? `code ${code}`})`, code === 0 ? 0 : 1);
  });

  const healthy = await waitForHealthy(options.port, next, options.dev ? 180_000 : 60_000);
  if (stopping || next.exitCode !== null || next.signalCode !== null) return;
  {
    const lines = [
      healthy
        ? `Disclosure Atlas 政务公开年报对比 is ready on http://localhost:${options.port} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`
        : `Disclosure Atlas is running on http://localhost:${options.port}, but /api/health does not answer "ok" yet (see the messages above).`,
      embedded ? `  database: embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${embedded.dataDir}` : `  database: ${maskUrl(databaseUrl)}`,
      admin
        ? `  admin password: ${admin.password}${admin.source === "env" ? " (from ADMIN_PASSWORD)" : ` (kept in ${admin.file})`}`
        : "  admin password: not available",
      "  Press Ctrl-C to stop.",
    ];
    console.log("\n" + lines.join("\n") + "\n");
  }
}

main().catch((e) => {
  console.error("[atlas] start failed:", e);
  process.exit(1);
});
