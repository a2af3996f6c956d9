/**
 * An invalid filter in a dashboard page's address is answered with HTTP 400, like the JSON and CSV
 * APIs answer it, instead of a 200 page that happens to show an error. The page still renders its own
 * message (components/filters/filter-error.tsx: every problem named, in the reader's language, with a
 * link back to the unfiltered page): the proxy only sets the status. It runs the page's own parser
 * (parseReportFilters, same options), so the proxy and the page never disagree about what is valid.
 *
 * Only the pages that read filters from their address are matched: not /api/** (route handlers answer
 * their own 400s, and a proxy in front of uploads would cap request bodies at proxyClientMaxBodySize),
 * not /_next/** or other static files, not /agencies/[id] or /reports/[id] (they take no filters).
 */
import { NextResponse, type NextRequest } from "next/server";
import { parseReportFilters } from "./lib/filters/report-filters";

/** Next's own query parameters (a client-side navigation's cache key), not filters. */
const NEXT_INTERNAL_PARAMS = ["_rsc"];

export function proxy(request: NextRequest): NextResponse {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  for (const p of NEXT_INTERNAL_PARAMS) params.delete(p);
  if (parseReportFilters(params).ok) return NextResponse.next();
  // Same page, same address; only the status changes. (A client-side navigation receiving the 400
  // falls back to loading the page as a document, which shows the same message.)
  return NextResponse.rewrite(request.nextUrl, { status: 400 });
}

export const config = {
  // Exact paths: the overview, compare and trends pages.
  matcher: ["/", "/compare", "/trends"],
};
