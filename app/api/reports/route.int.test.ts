import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { count, invariantViolations, seedFiles } from "@/lib/ingest/test-helpers";
import { POST as upload } from "./route";
import { DELETE as remove } from "./[id]/route";
import { POST as correct } from "./[id]/corrections/route";
import { POST as login } from "../auth/login/route";
import { POST as logout } from "../auth/logout/route";

const PASSWORD = "correct horse battery staple";
let db: TestDatabase;
let ip = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.ADMIN_PASSWORD = PASSWORD;
});
afterAll(async () => {
  delete process.env.ADMIN_PASSWORD;
  await db?.drop();
});
beforeEach(() => {
  delete process.env.INGEST_MAX_FILE_MB;
  ip++;
});

function form(files: Array<{ name: string; bytes: Uint8Array }>, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const file of files) f.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

function request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    ...init,
    headers: { host: "localhost:3000", "x-forwarded-for": `10.0.0.${ip}`, ...(init.headers ?? {}) },
  });
}

const bearer = { authorization: `Bearer ${PASSWORD}` };
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

describe("POST /api/reports", () => {
  it("answers 401 with the error envelope without credentials, 403 with a wrong password", async () => {
    const res = await upload(request("/api/reports", { body: form(seedFiles().slice(0, 1)) }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    const wrong = await upload(request("/api/reports", { body: form(seedFiles().slice(0, 1)), headers: { authorization: "Bearer nope" } }));
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("wrong_password");
    expect(await count(db.pool, "source_file")).toBe(0);
  });

  it("rate-limits wrong passwords with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await upload(request("/api/reports", { body: form(seedFiles().slice(0, 1)), headers: { authorization: `Bearer wrong-${i}` } }));
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    // Even the right password waits out the window from that address.
    const right = await upload(request("/api/reports", { body: form(seedFiles().slice(0, 1)), headers: bearer }));
    expect(right.status).toBe(429);
  });

  it("stores many files in one request with a result per file", async () => {
    const notAReport = { name: "notes.txt", bytes: new TextEncoder().encode("购物清单：苹果、梨、香蕉") };
    const res = await upload(request("/api/reports", { body: form([...seedFiles(), notAReport]), headers: bearer }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.results).toHaveLength(6);
    expect(body.summary).toEqual({ imported: 5, newVersions: 0, duplicates: 0, failed: 1 });
    const seed = body.results[1];
    expect(seed).toMatchObject({ file: seedFiles()[1]!.name, ok: true, year: 2023, version: 1, agency: { name: "于家务回族乡" } });
    expect(seed.failedChecks).toBeGreaterThan(0);
    expect(typeof seed.reportId).toBe("number");
    expect(Array.isArray(seed.warnings)).toBe(true);
    expect(body.results[5]).toMatchObject({ file: "notes.txt", ok: false, error: { code: "not_a_report" } });

    const again = await upload(request("/api/reports", { body: form(seedFiles().slice(1, 2)), headers: bearer }));
    const againBody = await again.json();
    expect(againBody.results[0]).toMatchObject({ ok: true, duplicate: true, status: "duplicate", reportId: seed.reportId });
    expect(await count(db.pool, "report")).toBe(5);
    expect(await invariantViolations(db.pool)).toEqual([]);
  });

  it("answers 413 over the size limit and 415 for an unsupported type, storing nothing", async () => {
    const files = await count(db.pool, "source_file");
    process.env.INGEST_MAX_FILE_MB = "0.001";
    const big = await upload(request("/api/reports", { body: form(seedFiles().slice(0, 1)), headers: bearer }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("too_large");
    delete process.env.INGEST_MAX_FILE_MB;
    const png = await upload(request("/api/reports", { body: form([{ name: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]) }]), headers: bearer }));
    expect(png.status).toBe(415);
    expect((await png.json()).error.code).toBe("unsupported_type");
    const json = await upload(request("/api/reports", { body: JSON.stringify({ file: "x" }), headers: { ...bearer, "content-type": "application/json" } }));
    expect(json.status).toBe(415);
    expect(await count(db.pool, "source_file")).toBe(files);
  });

  it("parses without storing on ?dryRun=1, saying when the bytes are already in", async () => {
    const files = await count(db.pool, "source_file");
    const fresh = { name: "edited.txt", bytes: new Uint8Array([...seedFiles()[3]!.bytes, 10, 10]) };
    const res = await upload(request("/api/reports?dryRun=1", { body: form([seedFiles()[0]!, fresh]), headers: bearer }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results[0].existing).toMatchObject({ reportId: expect.any(Number) });
    expect(body.results[0].parse.ok).toBe(true);
    expect(body.results[1].existing).toBeNull();
    expect(body.results[1].sameAgencyYearReportId).toEqual(expect.any(Number));
    expect(body.results[1].parse.values["apps.new.total"]).toEqual(expect.any(Number));
    expect(await count(db.pool, "source_file")).toBe(files);
  });

  it("applies metadata and value overrides sent with a single file", async () => {
    const edited = { name: "003-v2.txt", bytes: new Uint8Array([...seedFiles()[3]!.bytes, 32]) };
    const res = await upload(
      request("/api/reports", {
        body: form([edited], { metadata: JSON.stringify({ year: 2022 }), values: JSON.stringify({ "active.penalty": 5 }) }),
        headers: bearer,
      }),
    );
    const body = await res.json();
    expect(body.results[0]).toMatchObject({ ok: true, status: "imported", year: 2022, corrections: 2 });
    const bad = await upload(request("/api/reports", { body: form([edited], { values: JSON.stringify({ "no.such.key": 1 }) }), headers: bearer }));
    expect(bad.status).toBe(201);
    // Same bytes (already stored) with a key the format does not have: refused, nothing changed.
    expect((await bad.json()).results[0]).toMatchObject({ ok: false, duplicate: true, error: { code: "invalid_correction" } });
    const invalid = await upload(request("/api/reports", { body: form([edited], { metadata: JSON.stringify({ year: "soon" }) }), headers: bearer }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe("invalid_correction");
  });
});

describe("sessions", () => {
  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const res = await login(request("/api/auth/login", { body: JSON.stringify({ password: PASSWORD }), headers: { "content-type": "application/json", origin: "http://localhost:3000" } }));
    expect(res.status).toBe(200);
    const setCookies = res.headers.getSetCookie();
    const session = setCookies.find((c) => c.startsWith("atlas_session="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=lax/i);
    const csrf = setCookies.find((c) => c.startsWith("atlas_csrf="))!;
    const cookie = [session, csrf].map((c) => c.split(";")[0]).join("; ");
    return { cookie, csrf: decodeURIComponent(csrf.split(";")[0]!.split("=")[1]!) };
  }

  it("accepts the session cookie only with the CSRF header and from our own origin", async () => {
    const { cookie, csrf } = await signIn();
    const stored = await db.pool.query(`SELECT token_hash FROM admin_session`);
    expect(cookie).not.toContain(stored.rows[0].token_hash);
    const noCsrf = await upload(request("/api/reports?dryRun=1", { body: form(seedFiles().slice(0, 1)), headers: { cookie, origin: "http://localhost:3000" } }));
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe("csrf_failed");
    const crossSite = await upload(request("/api/reports?dryRun=1", { body: form(seedFiles().slice(0, 1)), headers: { cookie, "x-csrf-token": csrf, origin: "https://evil.example" } }));
    expect(crossSite.status).toBe(403);
    const ok = await upload(request("/api/reports?dryRun=1", { body: form(seedFiles().slice(0, 1)), headers: { cookie, "x-csrf-token": csrf, origin: "http://localhost:3000" } }));
    expect(ok.status).toBe(200);

    const out = await logout(request("/api/auth/logout", { headers: { cookie, origin: "http://localhost:3000", accept: "application/json" } }));
    expect(out.status).toBe(200);
    const after = await upload(request("/api/reports?dryRun=1", { body: form(seedFiles().slice(0, 1)), headers: { cookie, "x-csrf-token": csrf } }));
    expect(after.status).toBe(401);
  });

  it("refuses a wrong password and a cross-site sign-in", async () => {
    const wrong = await login(request("/api/auth/login", { body: JSON.stringify({ password: "guess" }), headers: { "content-type": "application/json" } }));
    expect(wrong.status).toBe(403);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const cross = await login(request("/api/auth/login", { body: JSON.stringify({ password: PASSWORD }), headers: { "content-type": "application/json", origin: "https://evil.example" } }));
    expect(cross.status).toBe(403);
  });
});

describe("corrections and delete", () => {
  it("records a correction as a new version and deletes a report keeping its bytes", async () => {
    const report = (await db.pool.query(`SELECT id FROM report ORDER BY id LIMIT 1`)).rows[0];
    const res = await correct(
      request(`/api/reports/${report.id}/corrections`, { body: JSON.stringify({ values: { "active.penalty": 999 }, note: "typo" }), headers: { ...bearer, "content-type": "application/json" } }),
      params(report.id),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ reportId: report.id, corrections: 1, version: 2 });
    const unauth = await correct(request(`/api/reports/${report.id}/corrections`, { body: "{}" }), params(report.id));
    expect(unauth.status).toBe(401);
    const bad = await correct(request(`/api/reports/abc/corrections`, { body: "{}", headers: bearer }), params("abc"));
    expect(bad.status).toBe(400);

    const files = await count(db.pool, "source_file");
    const del = await remove(request(`/api/reports/${report.id}`, { method: "DELETE", headers: bearer }), params(report.id));
    expect(del.status).toBe(200);
    expect(await count(db.pool, "report", "id = $1", [report.id])).toBe(0);
    expect(await count(db.pool, "source_file")).toBe(files);
    const gone = await remove(request(`/api/reports/${report.id}`, { method: "DELETE", headers: bearer }), params(report.id));
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("not_found");
  });
});
