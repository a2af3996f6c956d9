/**
 * The read API end to end against a real database: GET /api/export.csv, GET /api/reports (get.ts) and
 * GET /api/files/[id] — same filters, same reports; BOM; guarded cells; honest 400s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { generateReports, insertReports, type GenReport } from "@/scripts/generate-reports";
import { FIELDS, keysForFormat } from "@/lib/report/catalog";
import { parseCsv } from "@/lib/csv/csv";
import { GET as exportCsv } from "./route";
import { GET as listReports } from "../reports/get";
import { GET as getFile } from "../files/[id]/route";

let db: TestDatabase;
let reports: GenReport[];

beforeAll(async () => {
  db = await createTestDatabase();
  reports = generateReports({ count: 250, seed: 11 });
  await insertReports(db.pool, reports);
  // A hostile agency name: must come out of the CSV as inert text.
  await db.pool.query(`UPDATE agency SET name = '=HYPERLINK("http://evil")' WHERE id = (SELECT MIN(id) FROM agency)`);
});
afterAll(async () => {
  await db?.drop();
});

const get = (path: string) => new Request(`http://localhost:3000${path}`);

async function body(res: Response): Promise<{ bytes: Uint8Array; text: string }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

async function expectedIds(where: string, params: unknown[]): Promise<number[]> {
  const { rows } = await db.pool.query(
    `SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.current_version_id IS NOT NULL AND ${where} ORDER BY r.id`,
    params,
  );
  return rows.map((r) => Number(r.id));
}

describe("GET /api/export.csv", () => {
  it("holds exactly the filtered reports, UTF-8 with a BOM, keys in the header", async () => {
    const res = await exportCsv(get("/api/export.csv?from=2021&to=2023&kind=department,government"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="disclosure-atlas-reports-2021-2023\.csv"/);
    const { bytes, text } = await body(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text);
    const header = rows[0];
    expect(header.slice(0, 2)).toEqual(["report_id", "year"]);
    expect(header.slice(-FIELDS.length)).toEqual(FIELDS.map((f) => f.key));
    const ids = rows.slice(1).map((r) => Number(r[0])).sort((a, b) => a - b);
    const expected = await expectedIds(`r.year BETWEEN 2021 AND 2023 AND a.kind = ANY($1)`, [["department", "government"]]);
    expect(expected.length).toBeGreaterThan(10);
    expect(ids).toEqual(expected);
    expect(rows.slice(1).every((r) => r.length === header.length)).toBe(true);
  });

  it("writes each value in its key's column, blanks empty, negatives as numbers", async () => {
    const res = await exportCsv(get("/api/export.csv?year=2019"));
    const rows = parseCsv((await body(res)).text);
    const header = rows[0];
    const { rows: dbRows } = await db.pool.query(
      `SELECT r.id, rv.* FROM report r JOIN report_values rv ON rv.version_id = r.current_version_id WHERE r.year = 2019`,
    );
    expect(rows.length - 1).toBe(dbRows.length);
    const byId = new Map(dbRows.map((r) => [Number(r.id), r]));
    let negatives = 0;
    for (const row of rows.slice(1)) {
      const v = byId.get(Number(row[0]))!;
      for (const f of FIELDS) {
        const cell = row[header.indexOf(f.key)];
        const dbValue = v[f.column];
        expect(cell, `${row[0]} ${f.key}`).toBe(dbValue === null ? "" : String(dbValue));
        if (cell.startsWith("-")) negatives++;
      }
    }
    expect(negatives).toBeGreaterThan(0); // 本年增/减 of 2019 reports, left as numbers
  });

  it("neutralises formula-looking text cells", async () => {
    const rows = parseCsv((await body(await exportCsv(get("/api/export.csv")))).text);
    const names = rows.slice(1).map((r) => r[rows[0].indexOf("agency_name")]);
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    expect(names.some((n) => /^[=+\-@]/.test(n))).toBe(false);
  });

  it("labels=zh adds a Chinese header row under the keys", async () => {
    const rows = parseCsv((await body(await exportCsv(get("/api/export.csv?year=2022&labels=zh")))).text);
    expect(rows[0][0]).toBe("report_id");
    expect(rows[1][0]).toBe("报告编号");
    expect(rows[1]).toContain("（七）总计·总计");
    expect(rows.length - 2).toBe((await expectedIds(`r.year = 2022`, [])).length);
  });

  it("format=long gives one row per report and key of its format", async () => {
    const rows = parseCsv((await body(await exportCsv(get("/api/export.csv?year=2020&format=long")))).text);
    const header = rows[0];
    expect(header.slice(-3)).toEqual(["key", "label", "value"]);
    const ids = await expectedIds(`r.year = 2020`, []);
    const { rows: fmt } = await db.pool.query(`SELECT v.format, COUNT(*) n FROM report r JOIN report_version v ON v.id = r.current_version_id WHERE r.year = 2020 GROUP BY 1`);
    const expectedRows = fmt.reduce((s, r) => s + Number(r.n) * keysForFormat(r.format).length, 0);
    expect(rows.length - 1).toBe(expectedRows);
    expect(new Set(rows.slice(1).map((r) => Number(r[0])))).toEqual(new Set(ids));
  });

  it("answers an invalid filter or option with a 400 envelope", async () => {
    for (const q of ["year=twenty", "format=xml", "labels=fr", "yaer=2020"]) {
      const res = await exportCsv(get(`/api/export.csv?${q}`));
      expect(res.status, q).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe("invalid_filter");
      expect(json.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe("GET /api/reports", () => {
  it("gives the same reports as JSON, paged", async () => {
    const res = await listReports(get("/api/reports?province=北京市&pageSize=5&page=2"));
    expect(res.status).toBe(200);
    const json = await res.json();
    const expected = await expectedIds(`a.province = $1`, ["北京市"]);
    expect(json.total).toBe(expected.length);
    expect(json.page).toBe(2);
    expect(json.reports).toHaveLength(Math.min(5, Math.max(0, expected.length - 5)));
    expect(json.filters.province).toBe("北京市");
    for (const r of json.reports) expect(r.province).toBe("北京市");
  });

  it("400 with both languages for a bad value", async () => {
    const res = await listReports(get("/api/reports?from=2024&to=2020"));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_filter");
    expect(error.message).toMatch(/晚于/);
    expect(error.message).toMatch(/from=2024 is after to=2020/);
  });
});

describe("GET /api/files/[id]", () => {
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

  it("streams the original bytes with its media type and an RFC 5987 file name", async () => {
    const { rows } = await db.pool.query(`SELECT id, file_name, content FROM source_file ORDER BY id LIMIT 1`);
    const res = await getFile(get(`/api/files/${rows[0].id}`), ctx(String(rows[0].id)));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const disposition = res.headers.get("content-disposition")!;
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(rows[0].file_name);
    expect(Buffer.from(await res.arrayBuffer()).equals(rows[0].content)).toBe(true);
  });

  it("404 for an unknown id, 400 for a malformed one", async () => {
    const missing = await getFile(get("/api/files/99999999"), ctx("99999999"));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const bad = await getFile(get("/api/files/abc"), ctx("abc"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_id");
  });
});
