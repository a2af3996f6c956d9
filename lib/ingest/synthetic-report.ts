/**
 * Distinct, relation-consistent report files for the bench and the concurrency tests, made from the project's
 * fixtures: the official 2021 template as rendered to .html and .docx (lib/parse/__fixtures__/rendered/000,
 * 东高地街道) with a different agency name, year and section 三/四 numbers per index, and the plain-text seeds
 * whose printed numbers hold every relation (000, 002, 003, 004) with a different agency name. Every generated
 * report satisfies relations 1–4, so a broken check in a stored copy would be an ingest bug, not the data.
 */
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { fileURLToPath } from "node:url";
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type ReportValues } from "../report/catalog";

const FIXTURES = new URL("../parse/__fixtures__/", import.meta.url);
const TEMPLATE_PATH = fileURLToPath(new URL("rendered/000_a6a2db4cc44d7e31.html", FIXTURES));
const DOCX_TEMPLATE_PATH = fileURLToPath(new URL("rendered/000_a6a2db4cc44d7e31.docx", FIXTURES));
/** Seeds whose printed tables hold every relation, with the short name each prints. */
const TEXT_SEEDS: ReadonlyArray<{ file: string; name: string }> = [
  { file: "seeds/000_a6a2db4cc44d7e31.txt", name: "东高地街道" },
  { file: "seeds/002_c369ce0530345a5f.txt", name: "西市场街道" },
  { file: "seeds/003_0088059577d88b46.txt", name: "王因街道" },
  { file: "seeds/004_8c406ea192be78b9.txt", name: "玉龙街道" },
];
const TEMPLATE_NAME = "东高地街道";
const TEMPLATE_YEAR = "2023";

// Two different characters from this list name an agency: n × (n − 1) distinct names.
const NAME_CHARS = [...new Set("安宁和平长乐永丰新华东升西城南湖北山金水银河玉泉青松白云红星绿洲明光清阳春秋实晖文昌武胜兴隆富民".split(""))];
export const SYNTHETIC_NAME_COUNT = NAME_CHARS.length * (NAME_CHARS.length - 1);

let template: string | null = null;

function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export function syntheticAgencyName(index: number): string {
  const n = NAME_CHARS.length;
  const a = NAME_CHARS[index % n]!;
  const others = NAME_CHARS.filter((c) => c !== a);
  const b = others[Math.floor(index / n) % (n - 1)]!;
  return `${a}${b}街道`;
}

export type SyntheticKind = "html" | "docx" | "txt";

export interface SyntheticReport {
  kind: SyntheticKind;
  fileName: string;
  bytes: Uint8Array;
  agencyName: string;
  year: number;
  /** The section 三 values written into the file (2021 keys); null for text seeds (their printed values). */
  apps: ReportValues | null;
}

/** The apps table: per column c, new + carried_over = Σ outcomes + carried_forward, and the total column sums the rest. */
function appsValues(random: () => number): ReportValues {
  const rows2021 = APPLICATION_ROWS.filter((r) => r.formats.includes("2021"));
  const outcomeRows = rows2021.filter((r) => r.outcome !== null);
  const values: ReportValues = {};
  const columns = APPLICANT_COLUMNS.filter((c) => c.key !== "total");
  for (const col of columns) {
    const active = col.key === "natural" || random() < 0.35;
    const newCount = active ? Math.floor(random() * (col.key === "natural" ? 60 : 8)) : 0;
    const carriedOver = active ? Math.floor(random() * 4) : 0;
    const carriedForward = Math.min(newCount + carriedOver, Math.floor(random() * 3));
    let remaining = newCount + carriedOver - carriedForward;
    const outcomes: Record<string, number> = Object.fromEntries(outcomeRows.map((r) => [r.key, 0]));
    while (remaining > 0) {
      // Most requests are granted; the rest spread over the other outcome rows.
      const row = random() < 0.6 ? "granted" : outcomeRows[Math.floor(random() * outcomeRows.length)]!.key;
      const take = Math.min(remaining, 1 + Math.floor(random() * 3));
      outcomes[row]! += take;
      remaining -= take;
    }
    values[`apps.new.${col.key}`] = newCount;
    values[`apps.carried_over.${col.key}`] = carriedOver;
    for (const r of outcomeRows) values[`apps.${r.key}.${col.key}`] = outcomes[r.key]!;
    values[`apps.total.${col.key}`] = outcomeRows.reduce((s, r) => s + outcomes[r.key]!, 0);
    values[`apps.carried_forward.${col.key}`] = carriedForward;
  }
  for (const row of rows2021) {
    values[`apps.${row.key}.total`] = columns.reduce((s, c) => s + (values[`apps.${row.key}.${c.key}`] ?? 0), 0);
  }
  return values;
}

interface Markup {
  table: RegExp;
  row: RegExp;
  numericCell: RegExp;
  cell: (n: number) => string;
}

const HTML_MARKUP: Markup = {
  table: /<table class="apps">[\s\S]*?<\/table>/,
  row: /<tr>(?:(?!<\/tr>)[\s\S])*?<\/tr>/g,
  numericCell: /<td>\d+<\/td>/g,
  cell: (n) => `<td>${n}</td>`,
};

const DOCX_MARKUP: Markup = {
  table: /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?本年新收(?:(?!<\/w:tbl>)[\s\S])*?<\/w:tbl>/,
  row: /<w:tr[ >](?:(?!<\/w:tr>)[\s\S])*?<\/w:tr>/g,
  numericCell: /<w:t xml:space="preserve">\d+<\/w:t>/g,
  cell: (n) => `<w:t xml:space="preserve">${n}</w:t>`,
};

/** Replaces the numbers of the template's tables 三 (rows of 7 numbers) and 四 (one row of 15) and the 行政处罚 count. */
function fillNumbers(doc: string, markup: Markup, apps: ReportValues, random: () => number, index: number): string {
  const rows2021 = APPLICATION_ROWS.filter((r) => r.formats.includes("2021"));
  let out = doc.replace(markup.table, (table) => {
    let rowIndex = 0;
    return table.replace(markup.row, (tr) => {
      const cells = tr.match(markup.numericCell);
      if (!cells || cells.length !== 7) return tr;
      const row = rows2021[rowIndex++]!;
      let column = 0;
      return tr.replace(markup.numericCell, () => markup.cell(apps[`apps.${row.key}.${APPLICANT_COLUMNS[column++]!.key}`] ?? 0));
    });
  });
  out = out.replace(markup.row, (tr) => {
    const cells = tr.match(markup.numericCell);
    if (!cells || cells.length !== 15) return tr;
    const numbers: number[] = [];
    for (let g = 0; g < 3; g++) {
      const parts = [0, 1, 2, 3].map(() => (random() < 0.3 ? Math.floor(random() * 5) : 0));
      numbers.push(...parts, parts.reduce((s, v) => s + v, 0));
    }
    let i = 0;
    return tr.replace(markup.numericCell, () => markup.cell(numbers[i++]!));
  });
  // Section 二: a distinct 行政处罚 count, so two files never share every number.
  return out.replace(markup.row, (tr) => (tr.includes("行政处罚") && (tr.match(markup.numericCell)?.length ?? 0) === 1 ? tr.replace(markup.numericCell, markup.cell(100 + index)) : tr));
}

let docxTemplate: Record<string, Uint8Array> | null = null;
const textSeeds = new Map<string, string>();

function renameAndDate(text: string, from: string, to: string, year: number): string {
  return text.split(from).join(to).split(`${TEMPLATE_YEAR}年`).join(`${year}年`);
}

export function syntheticReport(index: number, options: { year?: number; kind?: SyntheticKind } = {}): SyntheticReport {
  const kind = options.kind ?? "html";
  const random = rng(index + 1);
  const agencyName = syntheticAgencyName(index);
  const year = options.year ?? 2021 + (Math.floor(index / SYNTHETIC_NAME_COUNT) % 4);
  const base = `synthetic-${String(index).padStart(5, "0")}-${agencyName}-${year}`;

  if (kind === "txt") {
    const seed = TEXT_SEEDS[index % TEXT_SEEDS.length]!;
    let text = textSeeds.get(seed.file);
    if (text === undefined) {
      text = readFileSync(fileURLToPath(new URL(seed.file, FIXTURES)), "utf8");
      textSeeds.set(seed.file, text);
    }
    // The seeds report on 2023 or 2024; their year stays (the name alone makes each distinct).
    // Replace the stem (玉龙 of 玉龙街道), so 玉龙街道办事处, 玉龙街 … all follow.
    const renamed = text.split(seed.name.replace(/街道$/, "")).join(agencyName.replace(/街道$/, ""));
    return { kind, fileName: `${base}.txt`, bytes: new TextEncoder().encode(renamed), agencyName, year: NaN, apps: null };
  }

  const apps = appsValues(random);
  if (kind === "docx") {
    docxTemplate ??= unzipSync(new Uint8Array(readFileSync(DOCX_TEMPLATE_PATH)));
    const xml = renameAndDate(strFromU8(docxTemplate["word/document.xml"]!), TEMPLATE_NAME, agencyName, year);
    const files = { ...docxTemplate, "word/document.xml": strToU8(fillNumbers(xml, DOCX_MARKUP, apps, random, index)) };
    return { kind, fileName: `${base}.docx`, bytes: zipSync(files, { level: 6 }), agencyName, year, apps };
  }

  template ??= readFileSync(TEMPLATE_PATH, "utf8");
  const html = fillNumbers(renameAndDate(template, TEMPLATE_NAME, agencyName, year), HTML_MARKUP, apps, random, index);
  return { kind, fileName: `${base}.html`, bytes: new TextEncoder().encode(html), agencyName, year, apps };
}

/** The bench's mix: html, docx and text in turn, each file distinct. */
export function benchCorpus(count: number): SyntheticReport[] {
  const kinds: SyntheticKind[] = ["html", "docx", "txt"];
  return Array.from({ length: count }, (_, i) => syntheticReport(i, { kind: kinds[i % kinds.length] }));
}
