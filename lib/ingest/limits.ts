/** Upload limits; INGEST_MAX_FILE_MB and INGEST_MAX_FILES override the defaults. */

export function maxFileBytes(): number {
  const mb = Number(process.env.INGEST_MAX_FILE_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024);
}

export function maxFilesPerRequest(): number {
  const n = Number(process.env.INGEST_MAX_FILES);
  return Number.isInteger(n) && n > 0 ? n : 100;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
