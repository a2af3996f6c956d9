import { describe, expect, it } from "vitest";
import { parseRouteId } from "./route-id";

describe("parseRouteId", () => {
  it("accepts positive integers within PostgreSQL's INTEGER range", () => {
    expect(parseRouteId("1")).toBe(1);
    expect(parseRouteId("2147483647")).toBe(2147483647);
  });

  it.each(["0", "-1", "01", "1.5", "1e3", "abc", "", " 1", "2147483648", "99999999999"])("refuses %j", (raw) => {
    expect(parseRouteId(raw)).toBeNull();
  });
});
