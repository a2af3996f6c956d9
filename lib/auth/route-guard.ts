/** Route-handler helpers around requireAdmin: a 429 carries Retry-After, everything else is the usual envelope. */
import { apiError } from "../http/api-error";
import { RateLimitedError } from "./require-admin";

export function withRetryAfter<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof RateLimitedError) {
        const res = apiError(429, e.code, e.message);
        res.headers.set("Retry-After", String(e.retryAfterSeconds));
        return res;
      }
      throw e;
    }
  };
}
