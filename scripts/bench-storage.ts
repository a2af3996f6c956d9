/**
 * Why report_values is one wide row per report: the same generated values stored both ways in one run,
 * side by side —
 *   wide      one row per report, one DOUBLE PRECISION column per catalog key (what the app uses);
 *   kv        one row per number: (report_id, key text, value), blanks not stored;
 *   kv-id     the leaner key/value variant: (report_id, key_id smallint, value).
 * For each: load time, table size with indexes (pg_total_relation_size), and the time of typical
 * dashboard aggregates (a compare-page roll-up of one year by province; the totals-by-year of 30 keys).
 *
 *   npm run bench:storage [-- --count 10000 --runs 15]
 *
 * Runs on a fresh embedded PostgreSQL in a temporary folder, removed afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres.ts";
import { randomFreePort } from "../lib/db/ports.ts";
import { FIELDS, columnForKey } from "../lib/report/catalog.ts";
import { generateReports } from "./generate-reports.ts";

function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function repeat(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return median(times);
}

/** The keys a compare page sums (outcomes by reason, applications by applicant, section 二 and 四). */
const COMPARE_KEYS = [
  "apps.new.total",
  "apps.carried_over.total",
  "apps.granted.total",
  "apps.partial.total",
  "apps.denied.state_secret.total",
  "apps.denied.third_party.total",
  "apps.denied.process_info.total",
  "apps.unavailable.not_held.total",
  "apps.unavailable.needs_creation.total",
  "apps.rejected.petition.total",
  "apps.rejected.duplicate.total",
  "apps.total.total",
  "apps.new.natural",
  "apps.new.business",
  "apps.new.legal",
  "active.penalty",
  "active.licensing",
  "active.enforcement",
  "active.penalty.decisions",
  "active.licensing.decisions",
  "active.enforcement.decisions",
  "review.total",
  "review.corrected",
  "litigation.direct.total",
  "litigation.direct.corrected",
  "litigation.after_review.total",
  "litigation.after_review.corrected",
  "active.rules.in_force",
  "active.normative.in_force",
  "apps.carried_forward.total",
];

async function main(): Promise<void> {
  const count = Number(arg("--count", "10000"));
  const runs = Number(arg("--runs", "15"));
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-bench-storage-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await randomFreePort() });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  try {
    console.log(`bench-storage: ${count} generated reports, ${FIELDS.length} keys; medians of ${runs} runs\n`);
    const reports = generateReports({ count, seed: 3 });
    const keyId = new Map(FIELDS.map((f, i) => [f.key, i + 1]));

    await pool.query(`CREATE TABLE b_report (report_id int PRIMARY KEY, year int NOT NULL, province text, format text NOT NULL)`);
    await pool.query(`CREATE TABLE b_wide (report_id int PRIMARY KEY, ${FIELDS.map((f) => `"${f.column}" double precision`).join(", ")})`);
    await pool.query(`CREATE TABLE b_kv (report_id int NOT NULL, key text NOT NULL, value double precision NOT NULL, PRIMARY KEY (report_id, key))`);
    await pool.query(`CREATE TABLE b_kv_id (report_id int NOT NULL, key_id smallint NOT NULL, value double precision NOT NULL, PRIMARY KEY (report_id, key_id))`);
    await pool.query(`CREATE TABLE b_key (key_id smallint PRIMARY KEY, key text UNIQUE NOT NULL)`);
    await pool.query(`INSERT INTO b_key SELECT * FROM unnest($1::smallint[], $2::text[])`, [[...keyId.values()], [...keyId.keys()]]);
    await pool.query(`INSERT INTO b_report SELECT * FROM json_populate_recordset(NULL::b_report, $1)`, [
      JSON.stringify(reports.map((r, i) => ({ report_id: i + 1, year: r.year, province: r.agency.province, format: r.format }))),
    ]);
    await pool.query(`CREATE INDEX ON b_report (year)`);

    const batch = 500;
    const values = reports.map((r) => r.versions[r.versions.length - 1].values);
    const loadWide = await timed(async () => {
      for (let i = 0; i < values.length; i += batch) {
        const rows = values.slice(i, i + batch).map((v, j) => {
          const row: Record<string, unknown> = { report_id: i + j + 1 };
          for (const [k, x] of Object.entries(v)) row[columnForKey(k)] = x;
          return row;
        });
        await pool.query(`INSERT INTO b_wide SELECT * FROM json_populate_recordset(NULL::b_wide, $1)`, [JSON.stringify(rows)]);
      }
      await pool.query(`ANALYZE b_wide`);
    });
    const loadKv = async (table: "b_kv" | "b_kv_id") =>
      timed(async () => {
        for (let i = 0; i < values.length; i += batch) {
          const ids: number[] = [];
          const keys: Array<string | number> = [];
          const nums: number[] = [];
          values.slice(i, i + batch).forEach((v, j) => {
            for (const [k, x] of Object.entries(v)) {
              if (x === null) continue;
              ids.push(i + j + 1);
              keys.push(table === "b_kv" ? k : keyId.get(k)!);
              nums.push(x);
            }
          });
          await pool.query(`INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::${table === "b_kv" ? "text" : "smallint"}[], $3::float8[])`, [ids, keys, nums]);
        }
        await pool.query(`ANALYZE ${table}`);
      });
    const loadKvText = await loadKv("b_kv");
    const loadKvId = await loadKv("b_kv_id");

    const size = async (t: string) => Number((await pool.query(`SELECT pg_total_relation_size($1) AS n`, [t])).rows[0].n);
    const rowsOf = async (t: string) => Number((await pool.query(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n);

    const year = 2023;
    const wideCompare = `SELECT r.province, ${COMPARE_KEYS.map((k, i) => `SUM(w."${columnForKey(k)}") AS s${i}`).join(", ")}
      FROM b_report r JOIN b_wide w USING (report_id) WHERE r.year = $1 GROUP BY r.province`;
    const kvCompare = `SELECT r.province, ${COMPARE_KEYS.map((k, i) => `SUM(kv.value) FILTER (WHERE kv.key = '${k}') AS s${i}`).join(", ")}
      FROM b_report r JOIN b_kv kv USING (report_id) WHERE r.year = $1 AND kv.key = ANY($2) GROUP BY r.province`;
    const kvIdCompare = `SELECT r.province, ${COMPARE_KEYS.map((k, i) => `SUM(kv.value) FILTER (WHERE kv.key_id = ${keyId.get(k)}) AS s${i}`).join(", ")}
      FROM b_report r JOIN b_kv_id kv USING (report_id) WHERE r.year = $1 AND kv.key_id = ANY($2) GROUP BY r.province`;
    const wideYears = wideCompare.replace("r.province,", "r.year,").replace("WHERE r.year = $1 GROUP BY r.province", "GROUP BY r.year");
    const kvYears = kvCompare.replace("r.province,", "r.year,").replace("WHERE r.year = $1 AND", "WHERE").replace("$2", "$1").replace("GROUP BY r.province", "GROUP BY r.year");
    const kvIdYears = kvIdCompare.replace("r.province,", "r.year,").replace("WHERE r.year = $1 AND", "WHERE").replace("$2", "$1").replace("GROUP BY r.province", "GROUP BY r.year");
    const ids = COMPARE_KEYS.map((k) => keyId.get(k)!);

    // Same answers both ways, or the comparison means nothing.
    const a = (await pool.query(wideYears)).rows;
    const b = (await pool.query(kvYears, [COMPARE_KEYS])).rows;
    const norm = (rows: any[]) => JSON.stringify(rows.sort((x, y) => x.year - y.year).map((r) => Object.values(r).map((v) => (v === null ? 0 : Number(v)))));
    if (norm(a) !== norm(b)) throw new Error("wide and key/value sums differ: the benchmark is broken");

    const table = [
      {
        name: "wide (report_values)",
        load: loadWide,
        rows: await rowsOf("b_wide"),
        bytes: await size("b_wide"),
        compare: await repeat(runs, () => pool.query(wideCompare, [year])),
        years: await repeat(runs, () => pool.query(wideYears)),
      },
      {
        name: "key/value (text key)",
        load: loadKvText,
        rows: await rowsOf("b_kv"),
        bytes: await size("b_kv"),
        compare: await repeat(runs, () => pool.query(kvCompare, [year, COMPARE_KEYS])),
        years: await repeat(runs, () => pool.query(kvYears, [COMPARE_KEYS])),
      },
      {
        name: "key/value (smallint key)",
        load: loadKvId,
        rows: await rowsOf("b_kv_id"),
        bytes: await size("b_kv_id"),
        compare: await repeat(runs, () => pool.query(kvIdCompare, [year, ids])),
        years: await repeat(runs, () => pool.query(kvIdYears, [ids])),
      },
    ];
    const w = Math.max(...table.map((t) => t.name.length));
    console.log(`${"storage".padEnd(w)}  ${"rows".padStart(9)}  ${"size".padStart(9)}  ${"load".padStart(8)}  ${"1 year by province".padStart(18)}  ${"all years by year".padStart(17)}`);
    for (const t of table) {
      console.log(
        `${t.name.padEnd(w)}  ${String(t.rows).padStart(9)}  ${`${(t.bytes / 1048576).toFixed(1)} MB`.padStart(9)}  ${`${t.load.toFixed(0)} ms`.padStart(8)}  ${`${t.compare.toFixed(1)} ms`.padStart(18)}  ${`${t.years.toFixed(1)} ms`.padStart(17)}`,
      );
    }
    console.log(`\n(the two aggregates sum the same ${COMPARE_KEYS.length} keys; their answers were checked equal before timing)`);
  } finally {
    await pool.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-storage failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
