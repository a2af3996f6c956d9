import { ExtractError, type ExtractErrorCode } from "./types";

/**
 * Builds the one kind of error extraction throws. Messages are shown to the person who uploaded
 * the file, so each says which file, what is wrong and what to do — Chinese first, then English.
 */
export function extractError(code: ExtractErrorCode, fileName: string, zh: string, en: string): ExtractError {
  return new ExtractError(code, `「${fileName}」${zh}（${fileName}: ${en}）`);
}

export const MB = 1024 * 1024;

export function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
