/**
 * Browser side of the admin APIs the report page calls: the session cookie goes along by itself, the CSRF
 * token goes in X-CSRF-Token, and the browser adds a same-site Origin. Never throws: a failed request or
 * a body that is not the usual envelope comes back as an ApiFailure.
 */
import { apiFailureFrom, type ApiFailure, type CorrectionBody } from "./report-correction-model";

export type ApiOutcome<T> = { ok: true; body: T } | { ok: false; failure: ApiFailure };

export interface CorrectionSaved {
  reportId: number;
  versionId: number;
  version: number;
  corrections: number;
}

async function call<T>(url: string, init: RequestInit, csrfToken: string): Promise<ApiOutcome<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      credentials: "same-origin",
      headers: { ...(init.headers as Record<string, string> | undefined), "x-csrf-token": csrfToken, accept: "application/json" },
    });
  } catch {
    return { ok: false, failure: { status: 0, code: "network", message: "network error" } };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) return { ok: false, failure: apiFailureFrom(res.status, body) };
  return { ok: true, body: body as T };
}

export function postCorrections(reportId: number, body: CorrectionBody, csrfToken: string): Promise<ApiOutcome<CorrectionSaved>> {
  return call<CorrectionSaved>(`/api/reports/${reportId}/corrections`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, csrfToken);
}

export function deleteReportRequest(reportId: number, csrfToken: string): Promise<ApiOutcome<{ deleted: boolean; id: number }>> {
  return call(`/api/reports/${reportId}`, { method: "DELETE" }, csrfToken);
}
