import { describe, expect, it } from "vitest";
import { DatabaseNotConfiguredError } from "./client.ts";
import { describeDatabaseError } from "./errors.ts";

describe("describeDatabaseError", () => {
  it("names the usual connection problems without echoing the error text", () => {
    expect(describeDatabaseError(Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" }))).toMatch(/refused/);
    expect(describeDatabaseError(Object.assign(new Error('database "x" does not exist'), { code: "3D000" }))).toBe("the database does not exist");
    expect(describeDatabaseError(Object.assign(new Error("password authentication failed for user bob"), { code: "28P01" }))).toBe("password authentication failed");
    expect(describeDatabaseError(new DatabaseNotConfiguredError())).toBe("DATABASE_URL is not set");
  });

  it("looks inside an AggregateError (IPv4 and IPv6 attempts)", () => {
    const e = new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "");
    expect(describeDatabaseError(e)).toMatch(/refused/);
  });

  it("falls back to a generic reason that leaks nothing", () => {
    expect(describeDatabaseError(new Error("syntax error at or near SELECT secret"))).toBe("database error");
  });
});
