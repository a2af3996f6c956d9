import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomFreePort } from "../../../lib/db/ports.ts";
import { createTestDatabase, type TestDatabase } from "../../../lib/db/test-database.ts";
import { GET } from "./route.ts";

describe("GET /api/health", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reports the database as ok with the counts of reports and agencies", async () => {
    const empty = await GET(new Request("http://localhost/api/health"));
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ db: "ok", reports: 0, agencies: 0 });

    const a = await db.prisma.agency.create({ data: { identityKey: "p|c|x|甲", name: "甲", kind: "government", level: "county" } });
    await db.prisma.agency.create({ data: { identityKey: "p|c|x|乙", name: "乙", kind: "department", level: "county" } });
    await db.prisma.report.create({ data: { agencyId: a.id, year: 2024 } });

    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok", reports: 1, agencies: 2 });
  });

  it("answers 503 with a reason envelope when the database cannot be reached", async () => {
    const saved = process.env.DATABASE_URL;
    const closedPort = await randomFreePort();
    process.env.DATABASE_URL = `postgresql://postgres:secret-password@127.0.0.1:${closedPort}/nothing`;
    try {
      const res = await GET(new Request("http://localhost/api/health"));
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("db_unavailable");
      expect(body.error.message).toMatch(/connection refused/);
      // The envelope must not leak the connection string.
      expect(JSON.stringify(body)).not.toMatch(/secret-password|127\.0\.0\.1/);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
