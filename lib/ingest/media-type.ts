/**
 * Which uploads the ingest path accepts, decided from the file name and the first bytes, before anything is
 * stored: an image or an archive is refused outright (415); everything that might be a report is parsed, and
 * a file the parser cannot read is still kept with its error.
 */

const BY_EXTENSION: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  wps: "application/vnd.ms-works",
  pdf: "application/pdf",
  html: "text/html",
  htm: "text/html",
  shtml: "text/html",
  txt: "text/plain",
  text: "text/plain",
  md: "text/markdown",
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export function isSupportedFileName(fileName: string): boolean {
  return extensionOf(fileName) in BY_EXTENSION;
}

/** Magic numbers of formats that cannot be a report whatever their name says. */
function looksLikeUnsupportedBinary(bytes: Uint8Array): boolean {
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF
    starts(0x52, 0x61, 0x72, 0x21) || // RAR
    starts(0x1f, 0x8b) || // gzip
    starts(0x37, 0x7a, 0xbc, 0xaf) || // 7z
    starts(0x4d, 0x5a) || // Windows executable
    starts(0x7f, 0x45, 0x4c, 0x46) // ELF
  );
}

export type MediaTypeCheck = { ok: true; mediaType: string } | { ok: false; reason: string };

export function checkMediaType(fileName: string, bytes: Uint8Array): MediaTypeCheck {
  const ext = extensionOf(fileName);
  const mediaType = BY_EXTENSION[ext];
  if (!mediaType) {
    return {
      ok: false,
      reason: `${ext ? `.${ext}` : "无扩展名 / no extension"}: 支持 / supported: ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(" ")}`,
    };
  }
  if (looksLikeUnsupportedBinary(bytes)) {
    return { ok: false, reason: `.${ext} 文件的内容是图片、压缩包或程序 / the content is an image, archive or program` };
  }
  return { ok: true, mediaType };
}
