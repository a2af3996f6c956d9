/**
 * Writes realistic, relation-consistent generated reports straight into the database — for benchmarks,
 * integration tests and trying the dashboard on volume.
 *
 *   npm run generate:reports -- --count 10000 [--seed 1] [--batch 500]
 *
 * Uses DATABASE_URL when set, else starts the project's embedded PostgreSQL (DATA_DIR, default .data;
 * stop `npm start` first, or pass its DATABASE_URL) and migrates it.
 *
 * What "realistic" means here: agencies spread over provinces → cities → counties (governments,
 * departments, 街道, 乡, 镇) with kinds and levels; each agency reports from its first year to 2025 with
 * the occasional year missing; 2019/2020 in the 2019 format, later years in the 2021 format (a few
 * agencies keep the 2019 table until 2022, as the spec says happens); section 三 balanced per applicant
 * column with last year's 结转下年度 carried into this year's 上年结转 (4% mis-carried); 现行有效
 * chained across years (3% printed off);
 * blanks where a column is empty. About 8% of reports carry a deliberate broken relation (a 总计 of 0, a
 * number in the wrong row, a review total off by some), with the check rows ingest would write; 3% have
 * a second version (a reviewer's correction); 5% carry a parser warning. Same seed, same data.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_GROUPS,
  columnForKey,
  keysForFormat,
  type AgencyKind,
  type AgencyLevel,
  type ReportFormat,
  type ReportValues,
} from "../lib/report/catalog.ts";
import { checkReport, type Check } from "../lib/report/relations.ts";

// ── Deterministic randomness ─────────────────────────────────────────────────

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const randInt = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
/** A skewed count around `mean` (exponential-ish), never negative. */
const count = (rng: Rng, mean: number) => (mean <= 0 ? 0 : Math.floor(-Math.log(1 - rng() * 0.999) * mean));

// ── Places and agencies ──────────────────────────────────────────────────────

/** province → city (null for 直辖市) → counties. Real names; the set repeats with numbered streets as needed. */
const PLACES: ReadonlyArray<{ province: string; cities: ReadonlyArray<{ city: string | null; counties: readonly string[] }> }> = [
  { province: "北京市", cities: [{ city: null, counties: ["东城区", "西城区", "朝阳区", "丰台区", "海淀区", "通州区"] }] },
  { province: "上海市", cities: [{ city: null, counties: ["黄浦区", "徐汇区", "长宁区", "浦东新区", "闵行区"] }] },
  {
    province: "江苏省",
    cities: [
      { city: "南京市", counties: ["玄武区", "秦淮区", "鼓楼区", "江宁区", "浦口区"] },
      { city: "淮安市", counties: ["清江浦区", "淮安区", "洪泽区", "涟水县", "盱眙县"] },
      { city: "宿迁市", counties: ["宿城区", "宿豫区", "沭阳县", "泗阳县"] },
    ],
  },
  {
    province: "福建省",
    cities: [
      { city: "福州市", counties: ["鼓楼区", "台江区", "仓山区", "平潭县", "闽侯县"] },
      { city: "厦门市", counties: ["思明区", "湖里区", "集美区"] },
    ],
  },
  {
    province: "浙江省",
    cities: [
      { city: "杭州市", counties: ["上城区", "西湖区", "滨江区", "萧山区"] },
      { city: "宁波市", counties: ["海曙区", "江北区", "鄞州区", "余姚市"] },
    ],
  },
  {
    province: "广东省",
    cities: [
      { city: "广州市", counties: ["越秀区", "天河区", "海珠区", "白云区"] },
      { city: "深圳市", counties: ["福田区", "罗湖区", "南山区", "宝安区"] },
    ],
  },
  {
    province: "四川省",
    cities: [
      { city: "成都市", counties: ["锦江区", "青羊区", "武侯区", "双流区"] },
      { city: "绵阳市", counties: ["涪城区", "游仙区", "三台县"] },
    ],
  },
  {
    province: "湖北省",
    cities: [
      { city: "武汉市", counties: ["江岸区", "武昌区", "洪山区"] },
      { city: "宜昌市", counties: ["西陵区", "夷陵区", "宜都市"] },
    ],
  },
];

/** Departments with a weight for how much they are asked (自然资源 and 公安 get many applications). */
const DEPARTMENTS: ReadonlyArray<[string, number]> = [
  ["公安局", 2.0],
  ["自然资源和规划局", 3.0],
  ["住房和城乡建设局", 2.0],
  ["生态环境局", 1.0],
  ["财政局", 0.8],
  ["交通运输局", 0.8],
  ["卫生健康委员会", 0.7],
  ["市场监督管理局", 1.2],
  ["教育局", 0.6],
  ["民政局", 0.4],
  ["人力资源和社会保障局", 1.0],
  ["农业农村局", 0.5],
];

const TOWN_SYLLABLES = ["东", "西", "南", "北", "城", "关", "新", "华", "兴", "安", "平", "和", "河", "山", "桥", "湖", "龙", "凤", "金", "石"];

export interface GenAgency {
  identityKey: string;
  name: string;
  fullName: string;
  kind: AgencyKind;
  level: AgencyLevel;
  province: string;
  city: string | null;
  county: string | null;
  /** Mean of new applications per year (the agency's size). */
  size: number;
  /** Keeps the 2019 table until 2022. */
  sticky2019: boolean;
}

function identityKey(province: string | null, city: string | null, county: string | null, name: string): string {
  // Same normalisation as lib/ingest/agency-identity.ts, so an ingested real report of the same agency merges.
  const n = (s: string | null) => (s ?? "").normalize("NFKC").replace(/\s+/g, "").replace(/[|]/g, "");
  return [province, city, county, name].map(n).join("|");
}

/**
 * An endless, deterministic enumeration of agencies: first every named one, shuffled so that even a
 * few hundred reports span all provinces and kinds; then more numbered streets and towns, round by round.
 */
function* agencies(rng: Rng): Generator<GenAgency> {
  const named = [...namedAgencies(rng)];
  for (let i = named.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [named[i], named[j]] = [named[j], named[i]];
  }
  yield* named;
  yield* numberedAgencies(rng);
}

function makeAgency(rng: Rng, a: Omit<GenAgency, "identityKey" | "sticky2019">): GenAgency {
  return { ...a, identityKey: identityKey(a.province, a.city, a.county, a.name), sticky2019: rng() < 0.03 };
}

function* namedAgencies(rng: Rng): Generator<GenAgency> {
  const make = (a: Omit<GenAgency, "identityKey" | "sticky2019">) => makeAgency(rng, a);
  for (const p of PLACES) {
    const municipality = p.cities.length === 1 && p.cities[0].city === null;
    yield make({ name: `${p.province}人民政府`, fullName: `${p.province}人民政府`, kind: "government", level: "province", province: p.province, city: null, county: null, size: 300 });
    yield make({ name: `${p.province}人民政府办公厅`, fullName: `${p.province}人民政府办公厅`, kind: "government", level: "province", province: p.province, city: null, county: null, size: 60 });
    for (const [dept, w] of DEPARTMENTS) {
      const name = `${p.province.replace(/[省市]$/, "")}${municipality ? "市" : "省"}${dept.replace(/局$/, municipality ? "局" : "厅")}`;
      yield make({ name, fullName: name, kind: "department", level: "province", province: p.province, city: null, county: null, size: 40 * w });
    }
    for (const c of p.cities) {
      if (c.city !== null) {
        yield make({ name: `${c.city}人民政府`, fullName: `${c.city}人民政府`, kind: "government", level: "city", province: p.province, city: c.city, county: null, size: 150 });
        for (const [dept, w] of DEPARTMENTS) {
          const name = `${c.city}${dept}`;
          yield make({ name, fullName: name, kind: "department", level: "city", province: p.province, city: c.city, county: null, size: 25 * w });
        }
      }
      for (const county of c.counties) {
        yield make({ name: `${county}人民政府`, fullName: `${county}人民政府`, kind: "government", level: "county", province: p.province, city: c.city, county, size: 60 });
        for (const [dept, w] of DEPARTMENTS.slice(0, 8)) {
          const name = `${county}${dept}`;
          yield make({ name, fullName: name, kind: "department", level: "county", province: p.province, city: c.city, county, size: 10 * w });
        }
        for (let i = 0; i < 3; i++) {
          const street = `${TOWN_SYLLABLES[(i * 7 + county.length) % TOWN_SYLLABLES.length]}${TOWN_SYLLABLES[(i * 3 + county.charCodeAt(0)) % TOWN_SYLLABLES.length]}街道`;
          yield make({ name: street, fullName: `${street}办事处`, kind: "street", level: "township", province: p.province, city: c.city, county, size: 3 });
        }
        const town = `${TOWN_SYLLABLES[county.charCodeAt(0) % TOWN_SYLLABLES.length]}桥镇`;
        yield make({ name: town, fullName: `${town}人民政府`, kind: "town", level: "township", province: p.province, city: c.city, county, size: 2 });
        if (!municipality) {
          const xiang = `${TOWN_SYLLABLES[county.charCodeAt(1) % TOWN_SYLLABLES.length]}岭乡`;
          yield make({ name: xiang, fullName: `${xiang}人民政府`, kind: "township", level: "township", province: p.province, city: c.city, county, size: 1 });
        }
      }
    }
  }
}

/** More streets and towns, numbered, as long as reports are asked for. */
function* numberedAgencies(rng: Rng): Generator<GenAgency> {
  const make = (a: Omit<GenAgency, "identityKey" | "sticky2019">) => makeAgency(rng, a);
  for (let round = 2; ; round++) {
    for (const p of PLACES) {
      for (const c of p.cities) {
        for (const county of c.counties) {
          const base = `${TOWN_SYLLABLES[(round * 5 + county.charCodeAt(0)) % TOWN_SYLLABLES.length]}${TOWN_SYLLABLES[(round * 11 + county.charCodeAt(1)) % TOWN_SYLLABLES.length]}`;
          yield make({ name: `${base}第${round}街道`, fullName: `${base}第${round}街道办事处`, kind: "street", level: "township", province: p.province, city: c.city, county, size: 3 });
          yield make({ name: `${base}第${round}镇`, fullName: `${base}第${round}镇人民政府`, kind: "town", level: "township", province: p.province, city: c.city, county, size: 2 });
        }
      }
    }
  }
}

// ── Values ───────────────────────────────────────────────────────────────────

const COLUMNS = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);
/** Share of new applications per applicant column. */
const COLUMN_WEIGHT: Record<string, number> = { natural: 0.82, business: 0.1, research: 0.005, nonprofit: 0.01, legal: 0.04, other: 0.025 };
/** Relative frequency of each outcome row. */
const OUTCOME_WEIGHT: Record<string, number> = {
  granted: 45,
  partial: 8,
  "denied.state_secret": 0.3,
  "denied.prohibited_by_law": 0.5,
  "denied.three_safeties": 0.3,
  "denied.third_party": 1,
  "denied.internal_affairs": 1,
  "denied.process_info": 1.5,
  "denied.enforcement_files": 0.8,
  "denied.query_items": 0.6,
  "unavailable.not_held": 22,
  "unavailable.needs_creation": 3,
  "unavailable.unclear": 2,
  "rejected.petition": 3,
  "rejected.duplicate": 2.5,
  "rejected.publication": 0.5,
  "rejected.excessive": 0.5,
  "rejected.confirmation": 0.5,
  "other.no_correction": 2,
  "other.no_fee": 0.2,
  "other.misc": 3,
  "other.combined": 5.2,
};

/** What a report passes on to the next year of the same agency. */
export interface Carry {
  carriedForward: Record<string, number>;
  rulesInForce: number;
  normativeInForce: number;
}

function outcomeRows(format: ReportFormat): string[] {
  return APPLICATION_ROWS.filter((r) => r.outcome !== null && r.formats.includes(format)).map((r) => r.key);
}

/** Distributes n among rows by weight, unit by unit (n is small: at most a few thousand). */
function distribute(rng: Rng, n: number, rows: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(rows.map((r) => [r, 0]));
  const weights = rows.map((r) => OUTCOME_WEIGHT[r] ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    let x = rng() * sum;
    let j = 0;
    while (j < rows.length - 1 && x >= weights[j]) x -= weights[j++];
    out[rows[j]]++;
  }
  return out;
}

export function generateValues(rng: Rng, agency: GenAgency, format: ReportFormat, year: number, prev: Carry | null): { values: ReportValues; carry: Carry } {
  const v: ReportValues = {};
  for (const k of keysForFormat(format)) v[k] = null;
  const rows = outcomeRows(format);
  // Size drifts over the years (applications rose after 2019).
  const size = agency.size * (0.8 + 0.1 * (year - 2019)) * (0.6 + 0.8 * rng());
  const carriedForward: Record<string, number> = {};
  const misCarry = prev !== null && rng() < 0.04;
  const rowTotals: Record<string, number> = {};
  const add = (row: string, n: number) => (rowTotals[row] = (rowTotals[row] ?? 0) + n);
  for (const c of COLUMNS) {
    const fresh = count(rng, size * COLUMN_WEIGHT[c]);
    // Some agencies mis-carry last year's 结转下年度 (relation 5 across years); the year itself still balances.
    const carried = prev ? (prev.carriedForward[c] ?? 0) + (misCarry && c === "natural" ? randInt(rng, 1, 5) : 0) : count(rng, size * COLUMN_WEIGHT[c] * 0.05);
    const available = fresh + carried;
    const forward = Math.min(available, Math.floor(available * rng() * 0.12));
    const handled = available - forward;
    const outcome = distribute(rng, handled, rows);
    v[`apps.new.${c}`] = fresh;
    v[`apps.carried_over.${c}`] = carried;
    v[`apps.total.${c}`] = handled;
    v[`apps.carried_forward.${c}`] = forward;
    add("new", fresh);
    add("carried_over", carried);
    add("total", handled);
    add("carried_forward", forward);
    for (const r of rows) {
      v[`apps.${r}.${c}`] = outcome[r];
      add(r, outcome[r]);
    }
    carriedForward[c] = forward;
  }
  for (const [row, total] of Object.entries(rowTotals)) v[`apps.${row}.total`] = total;
  // Small agencies often leave the rarely used columns blank: blank, not 0, where they are 0 in every row.
  if (rng() < 0.15) {
    for (const c of ["research", "nonprofit"]) {
      const keys = Object.keys(v).filter((k) => k.startsWith("apps.") && k.endsWith(`.${c}`));
      if (keys.every((k) => v[k] === 0)) for (const k of keys) v[k] = null;
    }
  }

  for (const g of REVIEW_GROUPS) {
    const mean = size * (g.key === "review" ? 0.04 : 0.02);
    const upheld = count(rng, mean * 0.7);
    const corrected = count(rng, mean * 0.1);
    const other = count(rng, mean * 0.1);
    const pending = count(rng, mean * 0.1);
    v[`${g.key}.upheld`] = upheld;
    v[`${g.key}.corrected`] = corrected;
    v[`${g.key}.other`] = other;
    v[`${g.key}.pending`] = pending;
    v[`${g.key}.total`] = upheld + corrected + other + pending;
  }

  const isGov = agency.kind === "government" && agency.level !== "township";
  const enforcer = agency.kind === "department" || agency.kind === "government";
  const issuesRules = isGov && (agency.level === "province" || agency.level === "city");
  let rulesInForce = prev?.rulesInForce ?? (issuesRules ? randInt(rng, 20, 120) : 0);
  let normativeInForce = prev?.normativeInForce ?? randInt(rng, 5, 150);
  if (format === "2021") {
    const rIssued = issuesRules ? randInt(rng, 0, 6) : 0;
    const rRepealed = issuesRules ? Math.min(rulesInForce, randInt(rng, 0, 3)) : 0;
    rulesInForce = rulesInForce + rIssued - rRepealed;
    const nIssued = count(rng, isGov ? 15 : 4);
    const nRepealed = Math.min(normativeInForce, count(rng, isGov ? 5 : 1));
    // Now and then 现行有效 is printed off by a few; the next year goes on from the printed figure.
    normativeInForce = normativeInForce + nIssued - nRepealed + (prev !== null && rng() < 0.03 ? randInt(rng, 1, 9) : 0);
    v["active.rules.issued"] = rIssued;
    v["active.rules.repealed"] = rRepealed;
    v["active.rules.in_force"] = rulesInForce;
    v["active.normative.issued"] = nIssued;
    v["active.normative.repealed"] = nRepealed;
    v["active.normative.in_force"] = normativeInForce;
    v["active.licensing"] = enforcer ? count(rng, size * 20) : count(rng, 3);
    v["active.penalty"] = enforcer ? count(rng, size * 8) : count(rng, 2);
    v["active.enforcement"] = enforcer ? count(rng, size * 0.5) : 0;
    v["active.fees"] = rng() < 0.2 ? Math.round(rng() * 500 * 100) / 100 : 0;
  } else {
    const rMade = issuesRules ? randInt(rng, 0, 6) : 0;
    const nMade = count(rng, isGov ? 15 : 4);
    rulesInForce += rMade;
    normativeInForce += nMade;
    v["active.rules.made"] = rMade;
    v["active.rules.published"] = rMade;
    v["active.rules.total"] = rulesInForce;
    v["active.normative.made"] = nMade;
    v["active.normative.published"] = nMade;
    v["active.normative.total"] = normativeInForce;
    for (const [k, mean] of [
      ["licensing", 20],
      ["other_services", 5],
      ["penalty", 8],
      ["enforcement", 0.5],
    ] as const) {
      const prevItems = enforcer ? count(rng, 30) : 0;
      v[`active.${k}.prev`] = prevItems;
      v[`active.${k}.change`] = enforcer ? randInt(rng, -Math.min(prevItems, 5), 5) : 0;
      v[`active.${k}.decisions`] = enforcer ? count(rng, size * mean) : count(rng, 1);
    }
    v["active.fees.prev"] = enforcer ? count(rng, 3) : 0;
    v["active.fees.change"] = enforcer ? randInt(rng, -1, 1) * (v["active.fees.prev"]! > 0 ? 1 : 0) : 0;
    v["active.procurement.items"] = count(rng, isGov ? 20 : 5);
    v["active.procurement.amount"] = v["active.procurement.items"]! > 0 ? Math.round(rng() * 2000 * 100) / 100 : 0;
  }
  return { values: v, carry: { carriedForward, rulesInForce, normativeInForce } };
}

/** Breaks one relation the way real reports do; returns what was done (for the version's reason). */
export function breakRelation(rng: Rng, values: ReportValues): string {
  const choice = rng();
  if (choice < 0.4) {
    values["apps.total.total"] = 0;
    return "总计 printed as 0";
  }
  if (choice < 0.8) {
    const col = pick(rng, COLUMNS);
    const key = `apps.granted.${col}`;
    values[key] = (values[key] ?? 0) + 7;
    return `7 added to ${key}`;
  }
  const g = pick(rng, REVIEW_GROUPS).key;
  values[`${g}.total`] = (values[`${g}.total`] ?? 0) + randInt(rng, 1, 4);
  return `${g}.total off`;
}

// ── The data set ─────────────────────────────────────────────────────────────

export interface GenVersion {
  versionNo: number;
  origin: "upload" | "correction";
  values: ReportValues;
  checks: Check[];
  warnings: string[];
  reason: string | null;
  corrections: Array<{ field: string; oldValue: string | null; newValue: string | null }>;
}

export interface GenReport {
  agency: GenAgency;
  year: number;
  format: ReportFormat;
  activeDisclosureTotal: number;
  /** Oldest first; the last is current. */
  versions: GenVersion[];
  file: { name: string; mediaType: string; content: Buffer; sha256: string };
}

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Share of reports with a broken relation (default 0.08). */
  brokenShare?: number;
}

/** Exactly `count` reports, agency by agency, year by year (so carries chain). Pure; no database. */
export function generateReports(options: GenerateOptions): GenReport[] {
  const rng = mulberry32(options.seed ?? 1);
  const brokenShare = options.brokenShare ?? 0.08;
  const reports: GenReport[] = [];
  const source = agencies(rng);
  while (reports.length < options.count) {
    const agency = source.next().value as GenAgency;
    const r = rng();
    const firstYear = r < 0.7 ? 2019 : r < 0.82 ? 2020 : r < 0.92 ? 2021 : 2022;
    let carry: Carry | null = null;
    for (let year = firstYear; year <= LAST_YEAR && reports.length < options.count; year++) {
      const format: ReportFormat = year <= 2020 || (agency.sticky2019 && year <= 2022) ? "2019" : "2021";
      const { values, carry: next } = generateValues(rng, agency, format, year, carry);
      carry = next;
      // A missing year: the agency published nothing (the chain of carries restarts honestly broken).
      if (year > firstYear && rng() < 0.06) {
        carry = null;
        continue;
      }
      const warnings = rng() < 0.05 ? ["apps.new: 6 numbers for 7 cells; all zero, read as zeros"] : [];
      const versions: GenVersion[] = [];
      const broken = rng() < brokenShare;
      const corrected = !broken && rng() < 0.03;
      if (corrected) {
        const wrong = { ...values };
        const what = breakRelation(rng, wrong);
        versions.push({ versionNo: 1, origin: "upload", values: wrong, checks: checkReport(format, wrong), warnings, reason: null, corrections: [] });
        const corrections = Object.keys(values)
          .filter((k) => wrong[k] !== values[k])
          .map((k) => ({ field: k, oldValue: wrong[k] === null ? null : String(wrong[k]), newValue: values[k] === null ? null : String(values[k]) }));
        versions.push({ versionNo: 2, origin: "correction", values, checks: checkReport(format, values), warnings, reason: `reviewer fixed: ${what}`, corrections });
      } else {
        if (broken) breakRelation(rng, values);
        versions.push({ versionNo: 1, origin: "upload", values, checks: checkReport(format, values), warnings, reason: null, corrections: [] });
      }
      const text = `${agency.fullName}${year}年政府信息公开工作年度报告\n（生成的测试数据 seed=${options.seed ?? 1}）\n本年新收政府信息公开申请 ${values["apps.new.total"] ?? 0} 件。\n`;
      const content = Buffer.from(text, "utf8");
      reports.push({
        agency,
        year,
        format,
        activeDisclosureTotal: count(rng, agency.size * 30) + 10,
        versions,
        file: {
          name: `${agency.name}${year}年政府信息公开工作年度报告.txt`,
          mediaType: "text/plain; charset=utf-8",
          content,
          sha256: createHash("sha256").update(content).update(agency.identityKey).digest("hex"),
        },
      });
    }
  }
  return reports;
}

// ── Writing ──────────────────────────────────────────────────────────────────

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface InsertResult {
  reports: number;
  skipped: number;
  versions: number;
  ms: number;
}

/**
 * Inserts the reports in batches, one transaction per batch, every table through
 * `INSERT … SELECT … FROM json_populate_recordset(...)` (one bind parameter per table per batch).
 * An agency+year already in the database is skipped, so running twice does not duplicate.
 */
export async function insertReports(pool: pg.Pool, reports: readonly GenReport[], options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<InsertResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  let inserted = 0;
  let skipped = 0;
  let versions = 0;
  for (let i = 0; i < reports.length; i += batchSize) {
    const batch = reports.slice(i, i + batchSize);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const r = await insertBatch(client, batch);
      await client.query("COMMIT");
      inserted += r.reports;
      skipped += r.skipped;
      versions += r.versions;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    options.log?.(`  ${Math.min(i + batchSize, reports.length)}/${reports.length}`);
  }
  // Fresh statistics, or the planner guesses row counts of a bulk-loaded table badly.
  await pool.query("ANALYZE agency, report, report_version, report_values, check_result, correction, source_file");
  return { reports: inserted, skipped, versions, ms: performance.now() - started };
}

/** Milliseconds spent per table across all batches (printed by --profile). */
export const insertTimings: Record<string, number> = {};

async function insertBatch(conn: Queryable, batch: readonly GenReport[]): Promise<{ reports: number; skipped: number; versions: number }> {
  const json = (rows: unknown[]) => [JSON.stringify(rows)];
  const db: Queryable = {
    async query(text, values) {
      const t = performance.now();
      const r = await conn.query(text, values);
      const table = /^\s*(?:INSERT INTO|UPDATE)\s+(\w+)/.exec(text)?.[1] ?? "other";
      insertTimings[table] = (insertTimings[table] ?? 0) + performance.now() - t;
      return r;
    },
  };

  // Agencies (existing ones reused by identity key).
  const agencyRows = new Map<string, GenAgency>();
  for (const r of batch) agencyRows.set(r.agency.identityKey, r.agency);
  const agencyRes = await db.query(
    `INSERT INTO agency (identity_key, name, full_name, kind, level, province, city, county, updated_at)
     SELECT identity_key, name, full_name, kind, level, province, city, county, now()
     FROM json_populate_recordset(NULL::agency, $1)
     ON CONFLICT (identity_key) DO UPDATE SET updated_at = now()
     RETURNING id, identity_key`,
    json(
      [...agencyRows.values()].map((a) => ({
        identity_key: a.identityKey,
        name: a.name,
        full_name: a.fullName,
        kind: a.kind,
        level: a.level,
        province: a.province,
        city: a.city,
        county: a.county,
      })),
    ),
  );
  const agencyId = new Map<string, number>(agencyRes.rows.map((r) => [r.identity_key, r.id]));

  // Reports (agency+year already present → skipped).
  const reportRes = await db.query(
    `INSERT INTO report (agency_id, year, updated_at)
     SELECT agency_id, year, now() FROM json_populate_recordset(NULL::report, $1)
     ON CONFLICT (agency_id, year) DO NOTHING
     RETURNING id, agency_id, year`,
    json(batch.map((r) => ({ agency_id: agencyId.get(r.agency.identityKey), year: r.year }))),
  );
  const reportId = new Map<string, number>(reportRes.rows.map((r) => [`${r.agency_id}:${r.year}`, r.id]));
  const fresh = batch
    .map((r) => ({ r, id: reportId.get(`${agencyId.get(r.agency.identityKey)}:${r.year}`) }))
    .filter((x): x is { r: GenReport; id: number } => x.id !== undefined);
  if (fresh.length === 0) return { reports: 0, skipped: batch.length, versions: 0 };

  // Source files.
  const fileRes = await db.query(
    `INSERT INTO source_file (sha256, file_name, media_type, byte_size, content, uploaded_by)
     SELECT sha256, file_name, media_type, byte_size, decode(content_b64, 'base64'), 'generator'
     FROM json_to_recordset($1) AS x(sha256 text, file_name text, media_type text, byte_size int, content_b64 text)
     ON CONFLICT (sha256) DO UPDATE SET sha256 = EXCLUDED.sha256
     RETURNING id, sha256`,
    json(fresh.map(({ r }) => ({ sha256: r.file.sha256, file_name: r.file.name, media_type: r.file.mediaType, byte_size: r.file.content.length, content_b64: r.file.content.toString("base64") }))),
  );
  const fileId = new Map<string, number>(fileRes.rows.map((r) => [r.sha256, r.id]));

  // Versions.
  const versionInput = fresh.flatMap(({ r, id }) =>
    r.versions.map((v, idx) => ({
      report_id: id,
      version_no: v.versionNo,
      is_current: idx === r.versions.length - 1,
      source_file_id: fileId.get(r.file.sha256),
      origin: v.origin,
      format: r.format,
      parser_version: "generated",
      parsed: {
        file: r.file.name,
        ok: true,
        format: r.format,
        year: r.year,
        agency: { name: r.agency.name, fullName: r.agency.fullName, kind: r.agency.kind, level: r.agency.level },
        region: { province: r.agency.province, city: r.agency.city, county: r.agency.county },
        activeDisclosureTotal: r.activeDisclosureTotal,
        values: v.values,
        checks: v.checks.filter((c) => !c.ok),
        warnings: v.warnings,
        parserVersion: "generated",
      },
      active_disclosure_total: r.activeDisclosureTotal,
      warnings: v.warnings,
      failed_check_count: v.checks.filter((c) => !c.ok).length,
      created_by: "generator",
      reason: v.reason,
    })),
  );
  const versionRes = await db.query(
    `INSERT INTO report_version (report_id, version_no, is_current, source_file_id, origin, format, parser_version, parsed,
                                 active_disclosure_total, warnings, failed_check_count, created_by, reason)
     SELECT report_id, version_no, is_current, source_file_id, origin, format, parser_version, parsed,
            active_disclosure_total, warnings, failed_check_count, created_by, reason
     FROM json_populate_recordset(NULL::report_version, $1)
     RETURNING id, report_id, version_no`,
    json(versionInput),
  );
  const versionId = new Map<string, number>(versionRes.rows.map((r) => [`${r.report_id}:${r.version_no}`, r.id]));

  // Values, checks, corrections of every version.
  const valueRows: Record<string, unknown>[] = [];
  const checkRows: Record<string, unknown>[] = [];
  const correctionRows: Record<string, unknown>[] = [];
  const current: Array<{ rid: number; vid: number }> = [];
  for (const { r, id } of fresh) {
    for (const v of r.versions) {
      const vid = versionId.get(`${id}:${v.versionNo}`)!;
      const row: Record<string, unknown> = { version_id: vid };
      for (const [k, value] of Object.entries(v.values)) row[columnForKey(k)] = value;
      valueRows.push(row);
      for (const c of v.checks) {
        checkRows.push({
          version_id: vid,
          rule_id: c.ruleId,
          rule: c.rule,
          scope: c.column ?? c.row ?? c.group ?? "",
          ok: c.ok,
          left: c.left,
          right: c.right,
          left_keys: c.leftKeys,
          right_keys: c.rightKeys,
        });
      }
      for (const c of v.corrections) correctionRows.push({ version_id: vid, field: c.field, old_value: c.oldValue, new_value: c.newValue, created_by: "generator", note: v.reason });
    }
    current.push({ rid: id, vid: versionId.get(`${id}:${r.versions[r.versions.length - 1].versionNo}`)! });
  }
  await db.query(`INSERT INTO report_values SELECT * FROM json_populate_recordset(NULL::report_values, $1)`, json(valueRows));
  await db.query(
    `INSERT INTO check_result (version_id, rule_id, rule, scope, ok, "left", "right", left_keys, right_keys)
     SELECT version_id, rule_id, rule, scope, ok, "left", "right", left_keys, right_keys FROM json_populate_recordset(NULL::check_result, $1)`,
    json(checkRows),
  );
  if (correctionRows.length > 0) {
    await db.query(
      `INSERT INTO correction (version_id, field, old_value, new_value, created_by, note)
       SELECT version_id, field, old_value, new_value, created_by, note FROM json_populate_recordset(NULL::correction, $1)`,
      json(correctionRows),
    );
  }
  await db.query(
    `UPDATE report r SET current_version_id = x.vid FROM json_to_recordset($1) AS x(rid int, vid int) WHERE r.id = x.rid`,
    json(current),
  );
  return { reports: fresh.length, skipped: batch.length - fresh.length, versions: versionInput.length };
}

// ── Command line ─────────────────────────────────────────────────────────────

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const countArg = argValue(args, "--count") ?? "1000";
  const seedArg = argValue(args, "--seed") ?? "1";
  const batchArg = argValue(args, "--batch") ?? "500";
  const n = Number(countArg);
  const seed = Number(seedArg);
  const batchSize = Number(batchArg);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000) throw new UsageError(`--count must be a whole number from 1 to 2000000, got "${countArg}"`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${seedArg}"`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError(`--batch must be 1–5000, got "${batchArg}"`);

  let url = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded-postgres.ts");
    const dataDir = path.resolve(process.env.DATA_DIR ?? ".data", "pg");
    console.error(`DATABASE_URL not set: starting the embedded PostgreSQL in ${dataDir}`);
    const pgServer = await startEmbeddedPostgres({ dataDir });
    url = pgServer.url;
    stop = pgServer.stop;
  }
  const { migrate } = await import("../lib/db/migrate.ts");
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const t0 = performance.now();
    const reports = generateReports({ count: n, seed });
    const genMs = performance.now() - t0;
    console.error(`generated ${reports.length} reports in ${genMs.toFixed(0)} ms; writing…`);
    const r = await insertReports(pool, reports, { batchSize, log: (l) => console.error(l) });
    if (args.includes("--profile")) {
      console.error(`time per table (ms): ${Object.entries(insertTimings).map(([t, ms]) => `${t} ${ms.toFixed(0)}`).join(", ")}`);
    }
    console.log(
      `inserted ${r.reports} reports (${r.versions} versions), skipped ${r.skipped} already present, in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.reports / (r.ms / 1000))} reports/s)`,
    );
  } finally {
    await pool.end();
    if (stop) await stop();
  }
}

class UsageError extends Error {}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    if (e instanceof UsageError) {
      console.error(`generate-reports: ${e.message}\nusage: npm run generate:reports -- --count 10000 [--seed 1] [--batch 500]`);
    } else {
      console.error(`generate-reports failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    process.exit(1);
  });
}
