/** Upload limits; INGEST_MAX_FILE_MB and INGEST_MAX_FILES override the defaults. */

export function maxFileBytes(): number {
  const mb = Number(process.env.INGEST_MAX_FILE_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024);
}

export function maxFilesPerRequest(): number {
  const n = Number(process.env.INGEST_MAX_FILES);
  return Number.isInteger(n) && n > 0 ? n : 100;
}

/** 20 MB, 20.03 MB: two decimals at most, so a file just over the limit never reads as equal to it. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, "")} MB`;
}
