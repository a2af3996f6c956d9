import { Inflate } from "fflate";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  compression: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}
export class ZipSizeError extends Error {
  constructor(readonly limit: number) {
    super(`entry inflates beyond ${limit} bytes`);
  }
}

/**
 * Reads the central directory. Our own small reader (rather than unzipSync) so entries can be
 * inflated in bounded chunks: a zip bomb is stopped after `limit` bytes, whatever its headers say.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory (truncated zip?)");
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset >= bytes.length) throw new ZipFormatError("central directory outside the file");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new ZipFormatError("damaged central directory");
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    entries.push({
      name: new TextDecoder().decode(nameBytes),
      compression: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most ~1000×, so each
 * output chunk stays around 1 MB: small pieces keep the decoder and XML parser from holding
 * (and the allocator from fragmenting on) multi-megabyte strings.
 */
const INPUT_CHUNK = 1024;
const STORED_CHUNK = 64 * 1024;

/**
 * Inflates one entry, handing the output to `onChunk` piece by piece and stopping with a
 * ZipSizeError as soon as more than `limit` bytes come out.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit: number,
  onChunk: (chunk: Uint8Array) => void,
): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new ZipFormatError(`damaged local header for ${entry.name}`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} is cut off (truncated zip?)`);
  const data = bytes.subarray(start, end);
  let total = 0;
  const emit = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > limit) throw new ZipSizeError(limit);
    onChunk(chunk);
  };
  if (entry.compression === 0) {
    for (let i = 0; i < data.length; i += STORED_CHUNK) emit(data.subarray(i, i + STORED_CHUNK));
    return total;
  }
  if (entry.compression !== 8) throw new ZipFormatError(`${entry.name} uses unsupported compression ${entry.compression}`);
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (chunk.length > 0) emit(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length; i += INPUT_CHUNK) {
      inflater.push(data.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipSizeError) throw error;
    throw new ZipFormatError(`${entry.name} does not inflate: ${(error as Error).message}`);
  }
  if (!finished) throw new ZipFormatError(`${entry.name} ends early (truncated zip?)`);
  return total;
}
