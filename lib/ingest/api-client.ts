/** Sends one file to POST /api/reports with the admin password, and reads the answer back as an IngestResult. */
import type { IngestResult } from "./ingest-file";
import { FatalIngestError } from "./bulk-import";

export async function uploadViaApi(baseUrl: string, password: string, fileName: string, bytes: Uint8Array): Promise<IngestResult> {
  const form = new FormData();
  form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  let res: Response;
  try {
    res = await fetch(new URL("/api/reports", baseUrl), { method: "POST", headers: { authorization: `Bearer ${password}` }, body: form });
  } catch (e) {
    throw new FatalIngestError(`无法连接 ${baseUrl} / Cannot reach ${baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const body = (await res.json().catch(() => null)) as { results?: IngestResult[]; error?: { code: string; message: string } } | null;
  if (res.status === 401 || res.status === 403 || res.status === 429) {
    throw new FatalIngestError(`${res.status} ${body?.error?.code ?? ""}: ${body?.error?.message ?? "not allowed"}`);
  }
  if (res.ok && body?.results?.[0]) return body.results[0];
  const error = body?.error ?? { code: `http_${res.status}`, message: `HTTP ${res.status}` };
  return { file: fileName, ok: false, status: "failed", duplicate: false, sourceFileId: null, error };
}
