/** Browser side of the upload API: one file per request (so each gets its own progress bar), with the CSRF header. */
import type { IngestResult } from "@/lib/ingest/ingest-file";
import type { PreviewResult } from "@/lib/ingest/preview";
import type { MetadataOverrides, ValueOverrides } from "@/lib/ingest/overrides";

export type ApiFailure = { status: number; error: { code: string; message: string } };

function send<T>(url: string, form: FormData, csrfToken: string, onProgress: (ratio: number) => void): Promise<{ ok: true; body: T } | ({ ok: false } & ApiFailure)> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, body: body as T });
      else {
        const error = (body as { error?: { code: string; message: string } } | null)?.error ?? { code: `http_${xhr.status}`, message: `HTTP ${xhr.status}` };
        resolve({ ok: false, status: xhr.status, error });
      }
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "network", message: "network error" } });
    xhr.send(form);
  });
}

export async function previewUpload(file: File, csrfToken: string, onProgress: (r: number) => void) {
  const form = new FormData();
  form.append("file", file, file.name);
  const res = await send<{ results: Array<PreviewResult & { ok: boolean }> }>("/api/reports?dryRun=1", form, csrfToken, onProgress);
  if (!res.ok) return res;
  const first = res.body.results[0];
  // A file refused before parsing (too large, not a report type) comes back as an ingest-style failure.
  if (first && !("parse" in first)) {
    const failure = first as unknown as { error: { code: string; message: string } };
    return { ok: false as const, status: 200, error: failure.error };
  }
  return { ok: true as const, preview: first as PreviewResult };
}

export async function saveUpload(
  file: File,
  overrides: { metadata?: MetadataOverrides; values?: ValueOverrides },
  csrfToken: string,
  onProgress: (r: number) => void,
) {
  const form = new FormData();
  form.append("file", file, file.name);
  if (overrides.metadata && Object.keys(overrides.metadata).length > 0) form.append("metadata", JSON.stringify(overrides.metadata));
  if (overrides.values && Object.keys(overrides.values).length > 0) form.append("values", JSON.stringify(overrides.values));
  const res = await send<{ results: IngestResult[] }>("/api/reports", form, csrfToken, onProgress);
  if (!res.ok) return res;
  return { ok: true as const, result: res.body.results[0]! };
}
