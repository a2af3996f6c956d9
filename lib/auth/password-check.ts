import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time comparison (hashing first makes the lengths equal, so length leaks nothing either). */
export function passwordsMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
