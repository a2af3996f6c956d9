import { describe, expect, it } from "vitest";
import { passwordsMatch } from "./password-check";
import { FailureRateLimiter, LoginLimiter } from "./rate-limit";

describe("FailureRateLimiter", () => {
  it("blocks after the allowed failures until the window has passed", () => {
    let now = 1_000_000;
    const limiter = new FailureRateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check("1.2.3.4").allowed).toBe(true);
      limiter.recordFailure("1.2.3.4");
    }
    const blocked = limiter.check("1.2.3.4");
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBe(60);
    expect(limiter.check("5.6.7.8").allowed).toBe(true);
    now += 30_000;
    expect(limiter.check("1.2.3.4").retryAfterSeconds).toBe(30);
    now += 30_001;
    expect(limiter.check("1.2.3.4").allowed).toBe(true);
  });

  it("forgets failures after a success", () => {
    const limiter = new FailureRateLimiter(2, 60_000);
    limiter.recordFailure("a");
    limiter.recordFailure("a");
    expect(limiter.check("a").allowed).toBe(false);
    limiter.reset("a");
    expect(limiter.check("a").allowed).toBe(true);
  });
});

describe("passwordsMatch", () => {
  it("compares exactly, whatever the lengths", () => {
    expect(passwordsMatch("s3cret", "s3cret")).toBe(true);
    expect(passwordsMatch("s3cret", "s3cret ")).toBe(false);
    expect(passwordsMatch("", "x")).toBe(false);
  });
});

describe("LoginLimiter", () => {
  it("caps guessing across made-up client addresses too", () => {
    const limiter = new LoginLimiter(new FailureRateLimiter(5, 60_000), new FailureRateLimiter(3, 60_000));
    for (const ip of ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) {
      expect(limiter.check(ip).allowed).toBe(true);
      limiter.recordFailure(ip);
    }
    expect(limiter.check("4.4.4.4").allowed).toBe(false);
  });
});
