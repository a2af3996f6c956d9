import { decodeBytes } from "./decode";

/**
 * MHT / MHTML ("single file web page", also Word's "Save as web page" stored as .doc): a MIME
 * multipart message whose first text/html part is the page. Returns that page's HTML (transfer
 * encoding undone, charset applied) or null when the bytes are not such a message.
 */
export function htmlFromMht(bytes: Uint8Array): { html: string; charset: string } | null {
  const head = latin1Of(bytes.subarray(0, 4096));
  if (!/^\s*(?:[\w-]+:[^\n]*\n)*?(?:MIME-Version:|Content-Type:\s*multipart\/related)/i.test(head)) return null;
  const raw = latin1Of(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(head)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, "");
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? "7bit";
    const decoded =
      encoding === "quoted-printable" ? quotedPrintable(body) : encoding === "base64" ? base64(body) : bytesOf(body);
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1] ?? "";
    return { html: decodeBytes(decoded, charset), charset };
  }
  return null;
}

function latin1Of(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}

function bytesOf(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) out[i] = latin1.charCodeAt(i) & 0xff;
  return out;
}

function quotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, "");
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

function base64(body: string): Uint8Array {
  return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64"));
}
