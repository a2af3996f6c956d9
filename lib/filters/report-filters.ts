/**
 * The dashboard's filters, as they appear in the URL. One schema serves the pages, the JSON API and the
 * CSV export, so a shared link means the same set of reports everywhere. An invalid value is an error
 * with a message naming the parameter (Chinese first, then English), never a silent default.
 *
 * Parameters:
 *   year=2023            one year              (cannot be combined with from/to)
 *   from=2019&to=2023    a range of years      (either end may be left open)
 *   province= city= county=   the region cascade. city and county need province (a county name alone is
 *                        ambiguous nationwide); county without city is allowed: 直辖市 have no city level.
 *   kind=  level=        agency kind / level; repeat or comma-separate for several (kind=street,town)
 *   q=                   part of the agency name (or full name), case-insensitive
 *   agency=12,15         agency ids (trends of a chosen set, compare a chosen set)
 *   groupBy=agency|county|city|province   roll-up of the compare page (default agency)
 *   metric=              a metric id of lib/report/ratios.ts (trends, ranking)
 *   page= pageSize=      paging of lists (default 1 and 50; pageSize at most 500)
 * An empty value (`year=` from an empty <select>) means "no filter". Unknown parameters are an error
 * (a typo like `yaer=2023` would otherwise silently show everything) unless the caller lists them in
 * `allowExtra` — the CSV export allows `format` and `labels`, for instance.
 */
import { z } from "zod";
import { AGENCY_KINDS, AGENCY_LEVELS, type AgencyKind, type AgencyLevel } from "../report/catalog";
import { METRIC_IDS, type MetricId } from "../report/ratios";

export const MIN_YEAR = 2008; // 《政府信息公开条例》 took effect on 2008-05-01: no report covers an earlier year.
export const MAX_YEAR = 2100;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const MAX_QUERY_LENGTH = 100;

export const GROUP_BY = ["agency", "county", "city", "province"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface ReportFilters {
  year?: number;
  from?: number;
  to?: number;
  province?: string;
  city?: string;
  county?: string;
  /** Empty = every kind. */
  kind: AgencyKind[];
  /** Empty = every level. */
  level: AgencyLevel[];
  q?: string;
  /** Agency ids; empty = no restriction. */
  agency: number[];
  groupBy: GroupBy;
  metric?: MetricId;
  page: number;
  pageSize: number;
}

export interface FilterIssue {
  /** The URL parameter at fault ("" when the problem is the combination). */
  param: string;
  messageZh: string;
  messageEn: string;
}

export interface FilterError {
  code: "invalid_filter";
  /** Every issue in one line, Chinese then English, ready for a 400 envelope. */
  message: string;
  issues: FilterIssue[];
}

export type ParseFiltersResult = { ok: true; filters: ReportFilters } | { ok: false; error: FilterError };

export type SearchParamsInput =
  | URLSearchParams
  | Record<string, string | string[] | undefined>;

const SINGLE_KEYS = ["year", "from", "to", "province", "city", "county", "q", "groupBy", "metric", "page", "pageSize"] as const;
const LIST_KEYS = ["kind", "level", "agency"] as const;
export const FILTER_PARAM_KEYS: readonly string[] = [...SINGLE_KEYS, ...LIST_KEYS];

/** A bilingual message travels through zod as "zh|||en" and is split again when reported. */
const SEP = "|||";
const msg = (zh: string, en: string) => `${zh}${SEP}${en}`;

function yearParam(name: string) {
  return z
    .string()
    .regex(/^\d+$/, { error: (iss) => msg(`${name} 必须是四位年份，收到“${String(iss.input)}”`, `${name} must be a four-digit year, got "${String(iss.input)}"`) })
    .transform(Number)
    .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, {
      error: (iss) =>
        msg(`${name} 必须在 ${MIN_YEAR}–${MAX_YEAR} 之间，收到 ${String(iss.input)}`, `${name} must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${String(iss.input)}`),
    });
}

function positiveInt(name: string, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: (iss) => msg(`${name} 必须是正整数，收到“${String(iss.input)}”`, `${name} must be a positive whole number, got "${String(iss.input)}"`) })
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, {
      error: (iss) => msg(`${name} 必须在 1–${max} 之间，收到 ${String(iss.input)}`, `${name} must be between 1 and ${max}, got ${String(iss.input)}`),
    });
}

function regionName(name: string) {
  return z
    .string()
    .max(50, { error: msg(`${name} 过长（最多 50 个字符）`, `${name} is too long (at most 50 characters)`) });
}

function oneOf<T extends string>(name: string, allowed: readonly T[]) {
  return z.string().refine((v): v is T => (allowed as readonly string[]).includes(v), {
    error: (iss) =>
      msg(`${name} 的取值“${String(iss.input)}”无效，可选：${allowed.join(", ")}`, `unknown ${name} "${String(iss.input)}"; expected one of: ${allowed.join(", ")}`),
  }) as unknown as z.ZodType<T, string>;
}

/**
 * The schema over the normalised parameters: single-valued keys as one string, list keys as string[]
 * (already split on commas). parseReportFilters does that normalisation; use it rather than this directly.
 */
export const reportFiltersSchema = z
  .object({
    year: yearParam("year").optional(),
    from: yearParam("from").optional(),
    to: yearParam("to").optional(),
    province: regionName("province").optional(),
    city: regionName("city").optional(),
    county: regionName("county").optional(),
    kind: z.array(oneOf("kind", AGENCY_KINDS)).default([]),
    level: z.array(oneOf("level", AGENCY_LEVELS)).default([]),
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, { error: msg(`q 过长（最多 ${MAX_QUERY_LENGTH} 个字符）`, `q is too long (at most ${MAX_QUERY_LENGTH} characters)`) })
      .optional(),
    agency: z.array(positiveInt("agency", 2_147_483_647)).default([]),
    groupBy: oneOf("groupBy", GROUP_BY).default("agency"),
    metric: oneOf("metric", METRIC_IDS).optional(),
    page: positiveInt("page", 1_000_000).default(1),
    pageSize: positiveInt("pageSize", MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .superRefine((f, ctx) => {
    if (f.year !== undefined && (f.from !== undefined || f.to !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["year"],
        message: msg("year 不能与 from/to 同时使用：单一年份用 year，区间用 from 和 to", "year cannot be combined with from/to: use year for one year, from and to for a range"),
      });
    }
    if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: msg(`起始年份 from=${f.from} 晚于结束年份 to=${f.to}`, `from=${f.from} is after to=${f.to}`),
      });
    }
    if (f.city !== undefined && f.province === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["city"],
        message: msg("指定 city 时必须同时指定 province（省 → 市 → 区县逐级选择）", "city needs province as well (the region is chosen province → city → county)"),
      });
    }
    if (f.county !== undefined && f.province === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["county"],
        message: msg("指定 county 时必须同时指定 province（同名区县在全国有多个）", "county needs province as well (county names repeat across the country)"),
      });
    }
  });

/** Collapses repeated values, trims, drops empties; list keys are also split on commas. */
function normalise(input: SearchParamsInput): { values: Record<string, string | string[]>; issues: FilterIssue[]; keys: string[] } {
  const raw = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const list = raw.get(k) ?? [];
    list.push(v);
    raw.set(k, list);
  };
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) add(k, v);
  } else {
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) add(k, item);
    }
  }
  const values: Record<string, string | string[]> = {};
  const issues: FilterIssue[] = [];
  for (const [k, list] of raw) {
    if ((LIST_KEYS as readonly string[]).includes(k)) {
      const items = list.flatMap((v) => v.split(/[,，]/)).map((v) => v.trim()).filter((v) => v !== "");
      if (items.length > 0) values[k] = [...new Set(items)];
      continue;
    }
    const items = list.map((v) => v.trim()).filter((v) => v !== "");
    if (items.length === 0) continue;
    if (new Set(items).size > 1) {
      issues.push({
        param: k,
        messageZh: `参数 ${k} 出现了多次且取值不同（${items.join("、")}）`,
        messageEn: `${k} is given more than once with different values (${items.join(", ")})`,
      });
      continue;
    }
    values[k] = items[0];
  }
  return { values, issues, keys: [...raw.keys()] };
}

function joinMessage(issues: FilterIssue[]): string {
  return `${issues.map((i) => i.messageZh).join("；")}。 ${issues.map((i) => i.messageEn).join("; ")}.`;
}

/**
 * Parses URL search parameters into filters. Never throws: an invalid value yields `{ ok: false, error }`
 * whose message names every offending parameter; route handlers answer it with a 400.
 */
export function parseReportFilters(input: SearchParamsInput, options: { allowExtra?: readonly string[] } = {}): ParseFiltersResult {
  const { values, issues, keys } = normalise(input);
  const allowed = new Set([...FILTER_PARAM_KEYS, ...(options.allowExtra ?? [])]);
  for (const k of keys) {
    if (!allowed.has(k)) {
      issues.push({
        param: k,
        messageZh: `未知参数 ${k}（可用：${[...allowed].join(", ")}）`,
        messageEn: `unknown parameter ${k} (known: ${[...allowed].join(", ")})`,
      });
    }
  }
  const known: Record<string, string | string[]> = {};
  for (const k of FILTER_PARAM_KEYS) if (values[k] !== undefined) known[k] = values[k];
  const parsed = reportFiltersSchema.safeParse(known);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) {
      const param = String(iss.path[0] ?? "");
      const [zh, en] = iss.message.includes(SEP) ? iss.message.split(SEP) : [`${param} 无效：${iss.message}`, `${param} is invalid: ${iss.message}`];
      issues.push({ param, messageZh: zh, messageEn: en });
    }
  }
  if (issues.length > 0 || !parsed.success) {
    return { ok: false, error: { code: "invalid_filter", message: joinMessage(issues), issues } };
  }
  const f = parsed.data;
  const filters: ReportFilters = {
    kind: f.kind,
    level: f.level,
    agency: f.agency,
    groupBy: f.groupBy,
    page: f.page,
    pageSize: f.pageSize,
  };
  if (f.year !== undefined) filters.year = f.year;
  if (f.from !== undefined) filters.from = f.from;
  if (f.to !== undefined) filters.to = f.to;
  if (f.province !== undefined) filters.province = f.province;
  if (f.city !== undefined) filters.city = f.city;
  if (f.county !== undefined) filters.county = f.county;
  if (f.q !== undefined) filters.q = f.q;
  if (f.metric !== undefined) filters.metric = f.metric;
  return { ok: true, filters };
}

/** The filters with nothing chosen (what an empty query string parses to). */
export function defaultReportFilters(): ReportFilters {
  return { kind: [], level: [], agency: [], groupBy: "agency", page: 1, pageSize: DEFAULT_PAGE_SIZE };
}

/**
 * The canonical query string of some filters: defaults are left out, lists are comma-joined, keys come
 * in a fixed order — so equal filters give equal URLs, and parseReportFilters(filtersToSearchParams(f)) = f.
 */
export function filtersToSearchParams(filters: Partial<ReportFilters>): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== "") p.set(k, String(v));
  };
  set("year", filters.year);
  set("from", filters.from);
  set("to", filters.to);
  set("province", filters.province);
  set("city", filters.city);
  set("county", filters.county);
  if (filters.kind && filters.kind.length > 0) p.set("kind", filters.kind.join(","));
  if (filters.level && filters.level.length > 0) p.set("level", filters.level.join(","));
  set("q", filters.q);
  if (filters.agency && filters.agency.length > 0) p.set("agency", filters.agency.join(","));
  if (filters.groupBy && filters.groupBy !== "agency") p.set("groupBy", filters.groupBy);
  set("metric", filters.metric);
  if (filters.page && filters.page !== 1) p.set("page", String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) p.set("pageSize", String(filters.pageSize));
  return p;
}

/** The year span the filters select: [from, to], either end null when open. */
export function yearSpan(filters: Pick<ReportFilters, "year" | "from" | "to">): { from: number | null; to: number | null } {
  if (filters.year !== undefined) return { from: filters.year, to: filters.year };
  return { from: filters.from ?? null, to: filters.to ?? null };
}
