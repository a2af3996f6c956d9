/**
 * npm run bench:ingest [-- --count 1000 --concurrency 4 --url http://localhost:3000 --password …]
 *
 * Sends N distinct, relation-consistent reports — the project's fixtures varied by agency name and numbers,
 * a third each .html, .docx and .txt (lib/ingest/synthetic-report.ts) — through the upload API —
 * POST /api/reports, one multipart file per request, over real HTTP — and, in the same run, parses the same
 * files alone. Prints reports per second for both and the ratio; the target is that storing adds at most as
 * much time as parsing (ingest time ≤ 2 × parse time).
 *
 * Without --url it serves the real route handler (app/api/reports/route.ts) with node:http from this process
 * over a throwaway embedded PostgreSQL, so the numbers do not depend on a build and no real data is touched
 * (the HTTP client runs in the same process, so its cost counts against storing).
 * With --url it measures a running app (and leaves the synthetic reports in its database).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseFile } from "../lib/parse/index";
import { serveUploadRoute } from "../lib/ingest/serve-upload-route";
import { benchCorpus, type SyntheticKind, type SyntheticReport } from "../lib/ingest/synthetic-report";

type Options = { count: number; concurrency: number; url?: string; password?: string };

function options(): Options {
  const { values } = parseArgs({
    options: {
      count: { type: "string" },
      concurrency: { type: "string" },
      url: { type: "string" },
      password: { type: "string" },
    },
  });
  const count = Number(values.count ?? 1000);
  const concurrency = Number(values.concurrency ?? 4);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
    console.error("usage: npm run bench:ingest -- [--count 1000] [--concurrency 4] [--url http://host:port --password …]");
    process.exit(2);
  }
  return { count, concurrency, url: values.url, password: values.password };
}

interface EncodedRequest {
  body: Buffer;
  contentType: string;
}

function multipartBody(fileName: string, bytes: Uint8Array): EncodedRequest {
  const boundary = `----atlas-bench-${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(url: URL, req: EncodedRequest, password: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { authorization: `Bearer ${password}`, "content-type": req.contentType, "content-length": req.body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

/** CPU time (ms) used so far by a process and its children that are still alive (Linux /proc; 0 elsewhere). */
function processTreeCpuMs(rootPid: number): number {
  try {
    const ticks = (pid: number) => {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(f[11]) + Number(f[12]);
    };
    let total = ticks(rootPid);
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid === rootPid) total += ticks(Number(pid));
      } catch {
        // exited meanwhile
      }
    }
    return (total * 1000) / 100; // USER_HZ = 100 on Linux
  } catch {
    return 0;
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function main(): Promise<void> {
  const opt = options();
  console.log(`generating ${opt.count} distinct reports (.html, .docx, .txt in turn)…`);
  const reports: SyntheticReport[] = benchCorpus(opt.count);

  let target: { url: string; password: string; close(): Promise<void>; postgresPid?: number };
  if (opt.url) {
    const password = opt.password ?? process.env.ADMIN_PASSWORD;
    if (!password) throw new Error("--url needs --password (or ADMIN_PASSWORD)");
    target = { url: opt.url, password, close: async () => {} };
  } else {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded-postgres");
    const { migrate } = await import("../lib/db/migrate");
    const { findFreePort } = await import("../lib/db/ports");
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-bench-ingest-"));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(55600) });
    await migrate(pg.url);
    const { closeDatabase } = await import("../lib/db/client");
    process.env.DATABASE_URL = pg.url;
    process.env.ADMIN_PASSWORD = randomBytes(12).toString("hex");
    const server = await serveUploadRoute();
    console.log(`API on ${server.url} (route handler served in process), embedded PostgreSQL in ${dir}`);
    target = {
      url: server.url,
      password: process.env.ADMIN_PASSWORD,
      postgresPid: pg.pid,
      close: async () => {
        await server.close();
        await closeDatabase();
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  try {
    // Warm-up outside the measurement: first-use costs (module init, JIT, connections) are not per report.
    for (const r of reports.slice(0, 5)) await parseFile(r.fileName, r.bytes);

    let cpu = process.cpuUsage();
    let t = performance.now();
    let parsedOk = 0;
    const perKind = new Map<SyntheticKind, { n: number; ms: number }>();
    for (const r of reports) {
      const started = performance.now();
      if ((await parseFile(r.fileName, r.bytes)).ok) parsedOk++;
      const k = perKind.get(r.kind) ?? { n: 0, ms: 0 };
      k.n++;
      k.ms += performance.now() - started;
      perKind.set(r.kind, k);
    }
    const parseSeconds = (performance.now() - t) / 1000;
    const parseCpuMs = cpuMs(process.cpuUsage(cpu));

    // Warm the route and database path too: dry runs store nothing.
    for (const r of reports.slice(0, 30)) {
      const form = new FormData();
      form.append("file", new Blob([r.bytes as Uint8Array<ArrayBuffer>]), r.fileName);
      await fetch(new URL("/api/reports?dryRun=1", target.url), { method: "POST", headers: { authorization: `Bearer ${target.password}` }, body: form }).then((res) => res.arrayBuffer());
    }

    let stored = 0;
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    const pgCpuBefore = target.postgresPid ? processTreeCpuMs(target.postgresPid) : 0;
    cpu = process.cpuUsage();
    t = performance.now();
    // The load generator encodes every request body before the clock starts, so the client's own work is
    // one socket write per request and the time measured is the server's.
    const requests = reports.map((r) => multipartBody(r.fileName, r.bytes));
    const agent = new http.Agent({ keepAlive: true, maxSockets: opt.concurrency });
    let index = 0;
    await pool(reports, opt.concurrency, async (r) => {
      const { status, text } = await post(new URL("/api/reports", target.url), requests[index++]!, target.password, agent);
      let body: { results?: Array<{ ok: boolean; status: string; error?: { message: string } }>; error?: { message: string } } = {};
      try {
        body = JSON.parse(text);
      } catch {
        // reported below as a failure with its status
      }
      const result = body.results?.[0];
      if (status === 201 && result?.ok) {
        stored++;
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      }
      else failures.push(`${r.fileName}: ${status} ${result?.error?.message ?? body.error?.message ?? ""}`);
    });
    const ingestSeconds = (performance.now() - t) / 1000;
    agent.destroy();
    const ingestCpuMs = cpuMs(process.cpuUsage(cpu));
    const pgCpuMs = target.postgresPid ? processTreeCpuMs(target.postgresPid) - pgCpuBefore : NaN;

    const ratio = ingestSeconds / parseSeconds;
    const lines = [
      ``,
      `reports:              ${opt.count} (parsed ok ${parsedOk}, stored ok ${stored} [${[...statuses].map(([k, v]) => `${k} ${v}`).join(", ")}], failed ${failures.length})`,
      `parse alone:          ${parseSeconds.toFixed(2)} s  → ${(opt.count / parseSeconds).toFixed(1)} reports/s (sequential, in process; ms per file: ${[...perKind].map(([k, v]) => `${k} ${(v.ms / v.n).toFixed(1)}`).join(", ")})`,
      `ingest through API:   ${ingestSeconds.toFixed(2)} s  → ${(opt.count / ingestSeconds).toFixed(1)} reports/s (${opt.concurrency} concurrent HTTP uploads)`,
      `ratio ingest / parse: ${ratio.toFixed(2)}  (storing adds ${((ratio - 1) * 100).toFixed(0)}% of the parse time; target ≤ 2.00 → ${ratio <= 2 ? "met" : "NOT met"})`,
      // CPU time does not depend on what else the machine runs; wall time does (check the load average).
      `CPU per report:       parse alone ${(parseCpuMs / opt.count).toFixed(2)} ms · ingest: this process ${(ingestCpuMs / opt.count).toFixed(2)} ms (server + HTTP client)` +
        (Number.isNaN(pgCpuMs) ? "" : ` + PostgreSQL ${(pgCpuMs / opt.count).toFixed(2)} ms`),
      `load average:         ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} CPUs`,
    ];
    console.log(lines.join("\n"));
    if (failures.length) {
      console.log(`failures:\n${failures.slice(0, 20).map((f) => `  ${f}`).join("\n")}`);
      process.exitCode = 1;
    }
  } finally {
    await target.close();
  }
}

main().catch((e) => {
  console.error(`bench:ingest failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
