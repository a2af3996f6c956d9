/**
 * The pure half of the filter bar: how a change to one control turns into the next URL (changing the
 * province clears city and county, a year clears a range, paging restarts). The URL is the state;
 * lib/filters/report-filters.ts parses it on the server.
 */
export type Lang = "zh" | "en";

/** Keys whose value depends on another: changing the key clears its dependants. */
const DEPENDANTS: Record<string, string[]> = {
  province: ["city", "county"],
  city: ["county"],
  year: ["from", "to"],
  from: ["year"],
  to: ["year"],
};

/** Parameters that only make sense for the list they page through. */
const RESET_ON_CHANGE = ["page"];

/**
 * The next query string after setting `changes` (empty string or null = remove the key).
 * Keys the bar does not know (agency=, metric=) are kept, so a shared link keeps its meaning.
 */
export function nextSearchParams(current: URLSearchParams | Record<string, string | string[] | undefined>, changes: Record<string, string | null>): URLSearchParams {
  const p = toSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    for (const dep of DEPENDANTS[key] ?? []) if (!(dep in changes)) p.delete(dep);
    if (value === null || value === "") p.delete(key);
    else p.set(key, value);
  }
  for (const k of RESET_ON_CHANGE) if (!(k in changes)) p.delete(k);
  // Empty values are noise in a shareable URL.
  for (const [k, v] of [...p.entries()]) if (v === "") p.delete(k);
  return p;
}

export function toSearchParams(input: URLSearchParams | Record<string, string | string[] | undefined>): URLSearchParams {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  }
  return p;
}

export function hrefWith(pathname: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs === "" ? pathname : `${pathname}?${qs}`;
}

/** The CSV export of exactly the filters in `params` (page/pageSize are a list's paging, not a filter). */
export function exportHref(params: URLSearchParams | Record<string, string | string[] | undefined>): string {
  const p = toSearchParams(params);
  p.delete("page");
  p.delete("pageSize");
  return hrefWith("/api/export.csv", p);
}
