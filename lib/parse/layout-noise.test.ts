/**
 * Property test: the rendered layouts with the noise real extraction adds (labels wrapped at
 * random points, page numbers between rows, stray spaces inside labels) still read back.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "./index";
import { firstReadings, listFixtures, readGold, stemOf } from "./test-support/gold";
import { renderText, type TextLayout } from "./test-support/render-layouts";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CJK_LABEL = /^([\t ]*)([^\d\t|]*[\u4e00-\u9fff][^\t|]*?)([\t ]+[-\d/].*)?$/;

/** Wraps label text, inserts page markers between lines and spaces inside labels. */
function addNoise(text: string, random: () => number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const m = CJK_LABEL.exec(line);
    if (m && m[2].length > 6 && random() < 0.3) {
      const cut = 2 + Math.floor(random() * (m[2].length - 4));
      out.push(m[1] + m[2].slice(0, cut), m[2].slice(cut) + (m[3] ?? ""));
    } else if (m && m[2].length > 4 && random() < 0.2) {
      const at = 1 + Math.floor(random() * (m[2].length - 2));
      out.push(m[1] + m[2].slice(0, at) + " " + m[2].slice(at) + (m[3] ?? ""));
    } else {
      out.push(line);
    }
    if (random() < 0.04) out.push(`- ${2 + Math.floor(random() * 20)} -`);
  }
  return out.join("\n");
}

const stems = [...listFixtures("seeds"), ...listFixtures("corpus")].filter((f) => f.endsWith(".txt")).map(stemOf);

describe.each(["rows-space", "rows-tab"] as TextLayout[])("noisy %s", (layout) => {
  it.each(stems)("%s", (stem) => {
    const gold = readGold("gold", stem);
    const want = firstReadings(gold);
    for (let seed = 1; seed <= 5; seed++) {
      const text = addNoise(renderText(gold.format, want, layout), rng(seed * 7919 + stem.length));
      const r = parseDocument(`${stem}.txt`, { kind: "text", text, tables: [], warnings: [] });
      if (!r.ok) throw new Error(r.error.message);
      const wrong = Object.keys(want).filter((k) => want[k] !== r.values[k]);
      expect({ seed, wrong: wrong.map((k) => `${k}: ${r.values[k]} ≠ ${want[k]}`) }).toEqual({ seed, wrong: [] });
    }
  });
});
