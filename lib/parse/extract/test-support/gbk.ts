/**
 * Node can decode GBK but has no GBK encoder. Tests build one by decoding every two-byte GBK
 * code once and inverting the table (ASCII stays single-byte).
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  const pairs: Array<[number, number]> = [];
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pairs.push([lead, trail]);
      bytes.push(lead, trail);
    }
  }
  const decoded = new TextDecoder("gbk").decode(new Uint8Array(bytes));
  const chars = Array.from(decoded);
  table = new Map();
  // Each valid pair decodes to exactly one character, so the sequences line up.
  if (chars.length === pairs.length) chars.forEach((ch, i) => table!.has(ch) || table!.set(ch, pairs[i]));
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = map.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(pair[0], pair[1]);
    }
  }
  return new Uint8Array(out);
}
