import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiError, withApiErrors } from "./api-error.ts";

describe("apiError", () => {
  it("builds the envelope with the given status", async () => {
    const res = apiError(404, "not_found", "没有这份报告 / No such report");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "没有这份报告 / No such report" } });
  });
});

describe("withApiErrors", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes a handler's own response through", async () => {
    const handler = withApiErrors(async () => Response.json({ fine: true }, { status: 201 }));
    const res = await handler(new Request("http://localhost/api/x"));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ fine: true });
  });

  it("turns an ApiError into its envelope", async () => {
    const handler = withApiErrors(async () => {
      throw new ApiError(409, "duplicate", "Already uploaded");
    });
    const res = await handler(new Request("http://localhost/api/x"));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "duplicate", message: "Already uploaded" } });
  });

  it("logs an unexpected error and answers 500 without its details", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withApiErrors(async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/lib/x.ts:12');
    });
    const res = await handler(new Request("http://localhost/api/reports", { method: "POST" }));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toMatch(/secret_table|\/srv\/app/);
    expect(log).toHaveBeenCalled();
    expect(String(log.mock.calls[0][0])).toContain("POST /api/reports");
  });
});
