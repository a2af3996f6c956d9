import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "./proxy";

const request = (pathAndQuery: string, headers: Record<string, string> = {}) => new NextRequest(new URL(pathAndQuery, "http://localhost:3000"), { headers });

describe("proxy: an invalid filter in a page address answers 400", () => {
  it("an invalid year: 400, same page (rewritten onto itself, so the page renders its own message)", () => {
    const res = proxy(request("/compare?year=abc"));
    expect(res.status).toBe(400);
    expect(new URL(res.headers.get("x-middleware-rewrite") ?? "", "http://localhost:3000").pathname).toBe("/compare");
    expect(res.headers.get("x-middleware-next")).toBeNull();
  });

  it("a misspelt parameter, a reversed range, an unknown metric: 400", () => {
    for (const url of ["/?yaer=2023", "/trends?from=2024&to=2020", "/trends?metric=nope", "/compare?groupBy=town"]) {
      expect(proxy(request(url)).status, url).toBe(400);
    }
  });

  it("valid filters, or none, go through untouched", () => {
    for (const url of ["/", "/compare", "/compare?year=2023&groupBy=county", "/?province=江苏省&kind=street,town", "/trends?metric=penalty&from=2019&to=2024", "/compare?year="]) {
      const res = proxy(request(url));
      expect(res.headers.get("x-middleware-next"), url).toBe("1");
      expect(res.headers.get("x-middleware-rewrite"), url).toBeNull();
    }
  });

  it("Next's own _rsc parameter (client-side navigation) is not taken for an unknown filter", () => {
    const res = proxy(request("/compare?year=2023&_rsc=1a2b3", { RSC: "1" }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("/compare?year=abc&_rsc=1a2b3", { RSC: "1" })).status).toBe(400);
  });

  it("matches only the pages that read filters: never /api/** (upload bodies) nor static files", () => {
    expect(config.matcher).toEqual(["/", "/compare", "/trends"]);
    for (const m of config.matcher) expect(m.startsWith("/api") || m.startsWith("/_next")).toBe(false);
  });
});
