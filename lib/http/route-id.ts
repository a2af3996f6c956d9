/**
 * A database id from a URL segment: a positive whole number within PostgreSQL's INTEGER range. Anything else
 * names no row, so routes answer 404/400 instead of letting the database reject it as a 500.
 */
export function parseRouteId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : null;
}
