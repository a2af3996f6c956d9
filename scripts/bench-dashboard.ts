/**
 * Server time of the dashboard on volume: a fresh embedded PostgreSQL, N generated reports (default
 * 10,000), then the queries behind the overview and compare pages, each page's set run the way the page
 * runs it (in parallel), repeated; prints median and p95 in ms against the 300 ms target.
 *
 *   npm run bench:dashboard [-- --count 10000 --runs 30 --no-pages --app-dir <dir>]
 *
 * When a production build exists (`npm run build`), it also starts `next start` on the bench database
 * and times the rendered pages over HTTP: the response time over loopback is the server time plus well
 * under a millisecond of transfer. --app-dir <dir> takes the build from another checkout (default: here);
 * --no-pages skips this. The machine's load average is printed too: on a shared 2-core machine other
 * processes' load inflates every figure.
 * The database lives in a temporary folder and is removed afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres.ts";
import { migrate } from "../lib/db/migrate.ts";
import { randomFreePort } from "../lib/db/ports.ts";
import { parseReportFilters, type ReportFilters } from "../lib/filters/report-filters.ts";
import { getOverviewCoverage } from "../lib/queries/overview-coverage.ts";
import { getTotalsByYear } from "../lib/queries/totals-by-year.ts";
import { getDataQuality } from "../lib/queries/data-quality.ts";
import { getFilterOptions } from "../lib/queries/region-options.ts";
import { listReports } from "../lib/queries/report-list.ts";
import { getCompareApplications } from "../lib/queries/compare-applications.ts";
import { getCompareOutcomes } from "../lib/queries/compare-outcomes.ts";
import { getCompareActive } from "../lib/queries/compare-active.ts";
import { getCompareReview } from "../lib/queries/compare-review.ts";
import { getTrends } from "../lib/queries/trends.ts";
import type { Db } from "../lib/queries/sql.ts";
import { generateReports, insertReports } from "./generate-reports.ts";

export const TARGET_MS = 300;

function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

function filters(query: string): ReportFilters {
  const r = parseReportFilters(new URLSearchParams(query));
  if (!r.ok) throw new Error(r.error.message);
  return r.filters;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Result {
  name: string;
  median: number;
  p95: number;
  max: number;
}

async function measure(name: string, runs: number, fn: () => Promise<unknown>): Promise<Result> {
  await fn(); // warm: plans cached, pages in shared buffers
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, median: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

/** Terminal columns of a string: CJK characters take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));

function print(results: Result[]): void {
  const w = Math.max(...results.map((r) => width(r.name)));
  console.log(`${pad("", w)}  median     p95     max   (ms; target < ${TARGET_MS} ms)`);
  for (const r of results) {
    const flag = r.p95 < TARGET_MS ? "ok" : "SLOW";
    console.log(`${pad(r.name, w)}  ${r.median.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}  ${r.max.toFixed(1).padStart(6)}   ${flag}`);
  }
}

/** What the overview page asks for, in parallel. */
function overview(db: Db, f: ReportFilters) {
  return Promise.all([
    getOverviewCoverage(f, { limit: 50 }, db),
    getTotalsByYear(f, db),
    getDataQuality(f, {}, db),
    getFilterOptions(f, db),
    listReports(f, db),
  ]);
}

/** What the compare page asks for, in parallel. */
function compare(db: Db, f: ReportFilters) {
  return Promise.all([getCompareApplications(f, db), getCompareOutcomes(f, db), getCompareActive(f, db), getCompareReview(f, db), getFilterOptions(f, db)]);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const count = Number(arg("--count", "10000"));
  const runs = Number(arg("--runs", "30"));
  const withPages = !process.argv.includes("--no-pages");
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-bench-"));
  const port = await randomFreePort();
  const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
  console.log(`bench-dashboard: ${count} reports, ${runs} runs per measure; PostgreSQL in ${dir}; ${cpus().length} CPUs, load average ${load()}`);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
  const pool = new pg.Pool({ connectionString: server.url, max: 10 });
  let next: ReturnType<typeof spawn> | null = null;
  try {
    await migrate(server.url);
    const t0 = performance.now();
    const reports = generateReports({ count, seed: 1 });
    const ins = await insertReports(pool, reports);
    console.log(`generated and loaded ${ins.reports} reports (${ins.versions} versions) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const all = filters("");
    const province = filters("province=江苏省");
    const results: Result[] = [];
    results.push(await measure("overview page (5 queries, all reports)", runs, () => overview(pool, all)));
    results.push(await measure("overview page, province=江苏省", runs, () => overview(pool, province)));
    results.push(await measure("compare page, latest year, by agency", runs, () => compare(pool, all)));
    results.push(await measure("compare page, year=2023, by county", runs, () => compare(pool, filters("year=2023&groupBy=county"))));
    results.push(await measure("compare page, year=2021, by province", runs, () => compare(pool, filters("year=2021&groupBy=province"))));
    results.push(await measure("  coverage", runs, () => getOverviewCoverage(all, { limit: 50 }, pool)));
    results.push(await measure("  totals by year", runs, () => getTotalsByYear(all, pool)));
    results.push(await measure("  data quality", runs, () => getDataQuality(all, {}, pool)));
    results.push(await measure("  report list (page 1)", runs, () => listReports(all, pool)));
    results.push(await measure("  compare applications", runs, () => getCompareApplications(all, pool)));
    results.push(await measure("  compare outcomes", runs, () => getCompareOutcomes(all, pool)));
    results.push(await measure("  compare active", runs, () => getCompareActive(all, pool)));
    results.push(await measure("  compare review", runs, () => getCompareReview(all, pool)));
    results.push(await measure("trends (3 metrics, all reports)", runs, () => getTrends(all, { metrics: ["disclosure_rate", "penalty", "rules_in_force"] }, pool)));
    print(results);

    if (withPages) {
      const appDir = path.resolve(arg("--app-dir", "."));
      const nextBin = path.join(appDir, "node_modules/next/dist/bin/next");
      if (!existsSync(path.join(appDir, ".next/BUILD_ID"))) {
        console.log(`\nrendered pages not measured: no production build in ${appDir}/.next (run \`npm run build\` first).`);
      } else {
        const appPort = await randomFreePort();
        next = spawn(process.execPath, [nextBin, "start", "-p", String(appPort)], {
          cwd: appDir,
          env: { ...process.env, DATABASE_URL: server.url, PORT: String(appPort), NODE_ENV: "production" },
          stdio: ["ignore", "ignore", "inherit"],
        });
        const base = `http://127.0.0.1:${appPort}`;
        await waitForHttp(`${base}/api/health`, 60_000);
        const page = async (p: string) => {
          const res = await fetch(base + p);
          if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
          await res.arrayBuffer();
        };
        console.log(`\nrendered pages from next start (${base}), full response time over loopback:`);
        const pages: Result[] = [];
        for (const p of ["/", "/?province=江苏省", "/compare", "/compare?year=2023&groupBy=county", "/trends?metric=penalty"]) {
          try {
            pages.push(await measure(`GET ${p}`, runs, () => page(p)));
          } catch (e) {
            console.log(`GET ${p}: ${(e as Error).message}`);
          }
        }
        if (pages.length) print(pages);
      }
    }
    console.log(`\nload average at the end: ${load()}`);
  } finally {
    if (next) {
      const exited = new Promise((r) => next!.once("exit", r));
      next.kill("SIGTERM");
      await exited;
    }
    await pool.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-dashboard failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
