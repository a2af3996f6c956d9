/**
 * Wrong passwords are limited per client address: a few tries a minute, then 429 with Retry-After.
 * In memory: one server process, and a restart resetting the window is acceptable for a single admin password.
 */

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class FailureRateLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** May this client try a password now? */
  check(key: string): RateLimitDecision {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return { allowed: true, retryAfterSeconds: 0 };
    const oldest = list[0]!;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000)) };
  }

  recordFailure(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) {
      // Bound memory under a spray of addresses: forget the oldest entries.
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Per client address, and across all addresses: the client address comes from X-Forwarded-For, which a client
 * talking to Next directly can make up, so the overall limit is what really caps guessing (a few hundred tries
 * an hour) at the price of locking everybody out for a minute during an attack.
 */
export class LoginLimiter {
  constructor(
    readonly perClient = new FailureRateLimiter(Number(process.env.LOGIN_MAX_FAILURES ?? 5), 60_000),
    readonly overall = new FailureRateLimiter(Number(process.env.LOGIN_MAX_FAILURES_TOTAL ?? 30), 60_000),
  ) {}

  check(key: string): RateLimitDecision {
    const mine = this.perClient.check(key);
    if (!mine.allowed) return mine;
    return this.overall.check("*");
  }

  recordFailure(key: string): void {
    this.perClient.recordFailure(key);
    this.overall.recordFailure("*");
  }

  reset(key: string): void {
    this.perClient.reset(key);
  }
}

const g = globalThis as typeof globalThis & { __atlasLoginLimiter?: LoginLimiter };

export function loginLimiter(): LoginLimiter {
  g.__atlasLoginLimiter ??= new LoginLimiter();
  return g.__atlasLoginLimiter;
}

export function clientKey(request: Request): string {
  const fwd = request.headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0]!.trim();
  return request.headers.get("x-real-ip") ?? "local";
}
