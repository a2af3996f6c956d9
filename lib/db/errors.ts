/** Short, safe descriptions of database connection errors (no URL, no driver internals). */

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is PostgreSQL running?)",
  ETIMEDOUT: "connection timed out",
  ENOTFOUND: "database host not found",
  EAI_AGAIN: "database host not found",
  "3D000": "the database does not exist",
  "42P01": "tables are missing (migrations not applied)",
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "57P03": "the database is starting up or shutting down",
};

export function describeDatabaseError(e: unknown): string {
  if (e instanceof Error && e.name === "DatabaseNotConfiguredError") return "DATABASE_URL is not set";
  const code = (e as { code?: string } | null)?.code;
  if (code && REASONS[code]) return REASONS[code];
  // AggregateError (IPv4 + IPv6 attempts) carries the codes on its members.
  const inner = (e as { errors?: { code?: string }[] } | null)?.errors?.find((x) => x.code && REASONS[x.code]);
  if (inner?.code) return REASONS[inner.code];
  if (e instanceof Error && /timeout/i.test(e.message)) return "connection timed out";
  return "database error";
}
