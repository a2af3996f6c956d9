/**
 * Distinct, relation-consistent report files for the bench and the concurrency tests: the official 2021
 * template as rendered in lib/parse/__fixtures__/rendered (000, 东高地街道), with a different agency name, year
 * and section 三/四 numbers per index. Every generated report satisfies relations 1–4, so a broken check in a
 * stored copy would be an ingest bug, not the data.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type ReportValues } from "../report/catalog";

const TEMPLATE_PATH = fileURLToPath(new URL("../parse/__fixtures__/rendered/000_a6a2db4cc44d7e31.html", import.meta.url));
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

export interface SyntheticReport {
  fileName: string;
  html: string;
  bytes: Uint8Array;
  agencyName: string;
  year: number;
  /** The section 三 values written into the file (2021 keys). */
  apps: ReportValues;
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

export function syntheticReport(index: number, options: { year?: number } = {}): SyntheticReport {
  template ??= readFileSync(TEMPLATE_PATH, "utf8");
  const random = rng(index + 1);
  const agencyName = syntheticAgencyName(index);
  const year = options.year ?? 2021 + (Math.floor(index / SYNTHETIC_NAME_COUNT) % 4);
  const apps = appsValues(random);
  const rows2021 = APPLICATION_ROWS.filter((r) => r.formats.includes("2021"));

  let html = template.split(TEMPLATE_NAME).join(agencyName).split(`${TEMPLATE_YEAR}年`).join(`${year}年`);

  // Section 三: the 26 data rows of table.apps, in catalog order; the last 7 cells of each row are the numbers.
  html = html.replace(/<table class="apps">[\s\S]*?<\/table>/, (table) => {
    let rowIndex = 0;
    return table.replace(/<tr>((?:(?!<\/tr>)[\s\S])*?)<\/tr>/g, (tr, inner: string) => {
      const cells = inner.match(/<td>\d+<\/td>/g);
      if (!cells || cells.length !== 7) return tr;
      const row = rows2021[rowIndex++]!;
      const numbers = APPLICANT_COLUMNS.map((c) => `<td>${apps[`apps.${row.key}.${c.key}`]}</td>`).join("");
      return `<tr>${inner.slice(0, inner.indexOf("<td>" + cells[0]!.slice(4)))}${numbers}</tr>`;
    });
  });

  // Section 四: 3 groups × (upheld, corrected, other, pending, total).
  html = html.replace(/<table class="legal">[\s\S]*?<\/table>/, (table) =>
    table.replace(/<tr>(<td>\d+<\/td>){15}<\/tr>/, () => {
      const cells: number[] = [];
      for (let g = 0; g < 3; g++) {
        const parts = [0, 1, 2, 3].map(() => (random() < 0.3 ? Math.floor(random() * 5) : 0));
        cells.push(...parts, parts.reduce((s, v) => s + v, 0));
      }
      return `<tr>${cells.map((v) => `<td>${v}</td>`).join("")}</tr>`;
    }),
  );

  // Section 二: a distinct 行政处罚 count, so two files never share every number.
  html = html.replace(/(<td class="label">行政处罚<\/td><td colspan="3">)\d+(<\/td>)/, `$1${100 + index}$2`);

  const bytes = new TextEncoder().encode(html);
  return { fileName: `synthetic-${String(index).padStart(5, "0")}-${agencyName}-${year}.html`, html, bytes, agencyName, year, apps };
}
