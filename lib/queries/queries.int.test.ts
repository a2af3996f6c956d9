/**
 * Every dashboard query against a real PostgreSQL holding generated reports, checked against sums
 * computed here directly from the generated data (plain loops over keys, not the SQL helpers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { generateReports, insertReports, type GenReport } from "@/scripts/generate-reports";
import { parseReportFilters, type ReportFilters } from "@/lib/filters/report-filters";
import type { ReportValues } from "@/lib/report/catalog";
import { checkAcrossYears } from "@/lib/report/relations";
import { getOverviewCoverage } from "./overview-coverage";
import { getTotalsByYear } from "./totals-by-year";
import { getDataQuality } from "./data-quality";
import { getCompareApplications } from "./compare-applications";
import { getCompareOutcomes } from "./compare-outcomes";
import { getCompareActive } from "./compare-active";
import { getCompareReview } from "./compare-review";
import { getTrends } from "./trends";
import { getFilterOptions } from "./region-options";
import { listReports } from "./report-list";
import { getReportDetail } from "./report-detail";
import { getAgencyDetail } from "./agency-detail";
import { filteredReportIds } from "./report-export";

let db: TestDatabase;
let reports: GenReport[];

beforeAll(async () => {
  db = await createTestDatabase();
  reports = generateReports({ count: 400, seed: 7, brokenShare: 0.15 });
  await insertReports(db.pool, reports, { batchSize: 150 });
});
afterAll(async () => {
  await db?.drop();
});

function filters(query: string): ReportFilters {
  const r = parseReportFilters(new URLSearchParams(query));
  if (!r.ok) throw new Error(r.error.message);
  return r.filters;
}

const current = (r: GenReport) => r.versions[r.versions.length - 1];
const val = (r: GenReport, key: string): number | null => current(r).values[key] ?? null;

/** Σ over reports of a key, blanks skipped; null when every report is blank. */
function total(rs: GenReport[], key: string): number | null {
  let any = false;
  let s = 0;
  for (const r of rs) {
    const v = val(r, key);
    if (v === null) continue;
    any = true;
    s += v;
  }
  return any ? s : null;
}

/** A report's figure under the keys of its format; blank only when all are blank. */
function perReport(values: ReportValues, keys: string[]): number | null {
  const present = keys.map((k) => values[k]).filter((v): v is number => v !== null && v !== undefined);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function sumOver(rs: GenReport[], keysFor: (r: GenReport) => string[] | null): number | null {
  let any = false;
  let s = 0;
  for (const r of rs) {
    const keys = keysFor(r);
    if (!keys) continue;
    const v = perReport(current(r).values, keys);
    if (v === null) continue;
    any = true;
    s += v;
  }
  return any ? s : null;
}

const penaltyKeys = (r: GenReport) => (r.format === "2021" ? ["active.penalty"] : ["active.penalty.decisions"]);
const DENIED = ["state_secret", "prohibited_by_law", "three_safeties", "third_party", "internal_affairs", "process_info", "enforcement_files", "query_items"].map(
  (k) => `apps.denied.${k}.total`,
);

describe("totals by year", () => {
  it("match sums computed from the generated reports", async () => {
    const rows = await getTotalsByYear(filters(""), db.pool);
    const years = [...new Set(reports.map((r) => r.year))].sort();
    expect(rows.map((r) => r.year)).toEqual(years);
    for (const row of rows) {
      const rs = reports.filter((r) => r.year === row.year);
      expect(row.reports).toBe(rs.length);
      expect(row.agencies).toBe(new Set(rs.map((r) => r.agency.identityKey)).size);
      expect(row.reports2019Format).toBe(rs.filter((r) => r.format === "2019").length);
      expect(row.reportsWithFailedChecks).toBe(rs.filter((r) => current(r).checks.some((c) => !c.ok)).length);
      expect(row.metrics.apps_new).toBe(total(rs, "apps.new.total"));
      expect(row.metrics.penalty).toBe(sumOver(rs, penaltyKeys));
      expect(row.metrics.denied).toBe(sumOver(rs, () => DENIED));
      const granted = total(rs, "apps.granted.total") ?? 0;
      const partial = total(rs, "apps.partial.total") ?? 0;
      const handled = total(rs, "apps.total.total");
      expect(row.metrics.disclosure_rate).toBeCloseTo((granted + partial) / handled!, 12);
      expect(row.metrics.rules_in_force).toBe(sumOver(rs, (r) => (r.format === "2021" ? ["active.rules.in_force"] : null)));
    }
  });

  it("respect the region and kind filters", async () => {
    const rows = await getTotalsByYear(filters("province=江苏省&kind=department,government&from=2021"), db.pool);
    const rs = reports.filter((r) => r.agency.province === "江苏省" && ["department", "government"].includes(r.agency.kind) && r.year >= 2021);
    expect(rows.reduce((s, r) => s + r.reports, 0)).toBe(rs.length);
    expect(rows.reduce((s, r) => s + (r.metrics.apps_total ?? 0), 0)).toBe(total(rs, "apps.total.total") ?? 0);
  });
});

describe("compare", () => {
  it("applications by applicant, rolled up by city, ranked, with a grand total", async () => {
    const res = await getCompareApplications(filters("year=2022&groupBy=city"), db.pool);
    const rs = reports.filter((r) => r.year === 2022);
    expect(res.year).toBe(2022);
    expect(res.totals.reports).toBe(rs.length);
    expect(res.totals.newByApplicant.natural).toBe(total(rs, "apps.new.natural"));
    expect(res.totals.carriedOverByApplicant.total).toBe(total(rs, "apps.carried_over.total"));
    const groups = new Map<string, GenReport[]>();
    for (const r of rs) {
      const k = `${r.agency.province}|${r.agency.city ?? ""}|`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    expect(res.rows.length).toBe(groups.size);
    for (const row of res.rows) {
      const g = groups.get(row.key)!;
      expect(g, row.key).toBeDefined();
      expect(row.reports).toBe(g.length);
      expect(row.newByApplicant.total).toBe(total(g, "apps.new.total"));
      expect(row.newByApplicant.business).toBe(total(g, "apps.new.business"));
      if (row.city === null) expect(row.label).toBe(`${row.province}本级`);
    }
    const ranks = res.rows.map((r) => r.newByApplicant.total ?? -1);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("the four views share one scan when the page asks for them together", async () => {
    let queries = 0;
    const counting = { query: (text: string, values?: unknown[]) => (queries++, db.pool.query(text, values)) };
    const f = filters("year=2022&groupBy=province");
    const [a, o, act, rev] = await Promise.all([
      getCompareApplications(f, counting),
      getCompareOutcomes(f, counting),
      getCompareActive(f, counting),
      getCompareReview(f, counting),
    ]);
    expect(queries).toBe(1); // the year is given: no year lookup, one scan
    expect([o.totals.reports, act.totals.reports, rev.totals.reports]).toEqual([a.totals.reports, a.totals.reports, a.totals.reports]);
    await getCompareApplications(f, counting);
    expect(queries).toBe(2); // nothing cached once answered
  });

  it("a year without reports gives empty rows and blank totals, not zeros", async () => {
    const res = await getCompareOutcomes(filters("year=2030"), db.pool);
    expect(res.rows).toEqual([]);
    expect(res.totals.reports).toBe(0);
    expect(res.totals.total).toBeNull();
    expect(res.totals.disclosureRate).toBeNull();
  });

  it("defaults to the latest year in the filters", async () => {
    const res = await getCompareApplications(filters("to=2021"), db.pool);
    expect(res.year).toBe(2021);
  });

  it("outcomes as counts and shares, with the disclosure rate", async () => {
    const res = await getCompareOutcomes(filters("year=2023&groupBy=province"), db.pool);
    const rs = reports.filter((r) => r.year === 2023);
    const handled = total(rs, "apps.total.total")!;
    expect(res.totals.total).toBe(handled);
    expect(res.totals.outcomes.denied).toBe(sumOver(rs, () => DENIED));
    expect(res.totals.outcomes.other).toBe(
      sumOver(rs, (r) => (r.format === "2021" ? ["apps.other.no_correction.total", "apps.other.no_fee.total", "apps.other.misc.total"] : ["apps.other.combined.total"])),
    );
    expect(res.totals.reasons["unavailable.not_held"]).toBe(total(rs, "apps.unavailable.not_held.total"));
    expect(res.totals.shares.granted).toBeCloseTo(total(rs, "apps.granted.total")! / handled, 12);
    expect(res.totals.disclosureRate).toBeCloseTo(((total(rs, "apps.granted.total") ?? 0) + (total(rs, "apps.partial.total") ?? 0)) / handled, 12);
    for (const row of res.rows) {
      const g = rs.filter((r) => r.agency.province === row.province);
      expect(row.total).toBe(total(g, "apps.total.total"));
    }
  });

  it("section 二 bridges 2019 decisions and 2021 rows, keeps format-specific rows apart", async () => {
    const res = await getCompareActive(filters("year=2021"), db.pool);
    const rs = reports.filter((r) => r.year === 2021);
    expect(res.totals.penalty).toBe(sumOver(rs, penaltyKeys));
    expect(res.totals.licensing).toBe(sumOver(rs, (r) => (r.format === "2021" ? ["active.licensing"] : ["active.licensing.decisions"])));
    expect(res.totals.f2021.normativeInForce).toBe(total(rs.filter((r) => r.format === "2021"), "active.normative.in_force"));
    expect(res.totals.f2019.normativeTotal).toBe(total(rs.filter((r) => r.format === "2019"), "active.normative.total"));
    expect(res.totals.reports2019Format + res.totals.reports2021Format).toBe(rs.length);
    // per agency rows: one per report of the year
    expect(res.rows.length).toBe(rs.length);
  });

  it("review and litigation by result with correction rates", async () => {
    const res = await getCompareReview(filters("year=2024&groupBy=county"), db.pool);
    const rs = reports.filter((r) => r.year === 2024);
    expect(rs.length).toBeGreaterThan(10);
    expect(res.totals.review.total).toBe(total(rs, "review.total"));
    expect(res.totals.review.corrected).toBe(total(rs, "review.corrected"));
    const litTotal = (total(rs, "litigation.direct.total") ?? 0) + (total(rs, "litigation.after_review.total") ?? 0);
    expect(litTotal).toBeGreaterThan(0);
    const litCorrected = (total(rs, "litigation.direct.corrected") ?? 0) + (total(rs, "litigation.after_review.corrected") ?? 0);
    expect(res.totals.litigation.total).toBe(litTotal);
    expect(res.totals.litigation.correctionRate).toBe(litTotal === 0 ? null : litCorrected / litTotal);
    expect(res.rows.reduce((s, r) => s + r.reports, 0)).toBe(rs.length);
  });
});

describe("overview", () => {
  it("coverage: reported and missing years per agency, never zero-filled", async () => {
    const cov = await getOverviewCoverage(filters("from=2019&to=2025"), { limit: 1000 }, db.pool);
    const byAgency = new Map<string, number[]>();
    for (const r of reports) byAgency.set(r.agency.identityKey, [...(byAgency.get(r.agency.identityKey) ?? []), r.year]);
    expect(cov.totalAgencies).toBe(byAgency.size);
    expect(cov.totalReported).toBe(reports.length);
    let missing = 0;
    for (const years of byAgency.values()) {
      const first = Math.min(...years);
      missing += 2025 - first + 1 - years.length;
    }
    expect(cov.totalMissing).toBe(missing);
    for (const a of cov.agencies) {
      const key = [...byAgency.keys()].find((k) => k.endsWith(`|${a.name}`) && k.startsWith(`${a.province ?? ""}|${a.city ?? ""}|${a.county ?? ""}|`))!;
      const years = byAgency.get(key)!;
      for (const cell of a.cells) {
        const expected = years.includes(cell.year) ? "reported" : cell.year >= Math.min(...years) ? "missing" : "not_expected";
        expect(cell.status, `${a.name} ${cell.year}`).toBe(expected);
      }
    }
    // most missing first
    const m = cov.agencies.map((a) => a.missing);
    expect([...m].sort((a, b) => b - a)).toEqual(m);
  });

  it("coverage: a year filter still lists agencies that stopped reporting, as missing", async () => {
    const cov = await getOverviewCoverage(filters("year=2025"), { onlyMissing: true, limit: 1000 }, db.pool);
    expect(cov.years).toEqual([2025]);
    const reported2025 = new Set(reports.filter((r) => r.year === 2025).map((r) => r.agency.identityKey));
    const expectedMissing = new Set(reports.filter((r) => !reported2025.has(r.agency.identityKey)).map((r) => r.agency.identityKey));
    expect(cov.byYear[0].missing).toBe(expectedMissing.size);
    expect(cov.agencies.length).toBe(expectedMissing.size);
    expect(cov.agencies.every((a) => a.cells[0].status === "missing")).toBe(true);
    const byName = await getOverviewCoverage(filters("year=2025"), { sort: "name", limit: 5, offset: 5 }, db.pool);
    expect(byName.agencies.length).toBe(5);
  });

  it("data quality by rule counts the reports whose current version breaks it", async () => {
    const dq = await getDataQuality(filters(""), {}, db.pool);
    expect(dq.reports).toBe(reports.length);
    expect(dq.reportsWithFailedChecks).toBe(reports.filter((r) => current(r).checks.some((c) => !c.ok)).length);
    expect(dq.reportsWithFailedChecks).toBeGreaterThan(0);
    for (const rule of dq.byRule.filter((x) => !x.ruleId.endsWith("_across_years"))) {
      expect(rule.reports, rule.ruleId).toBe(reports.filter((r) => current(r).checks.some((c) => !c.ok && c.ruleId === rule.ruleId)).length);
      expect(rule.checks).toBe(reports.reduce((s, r) => s + current(r).checks.filter((c) => !c.ok && c.ruleId === rule.ruleId).length, 0));
    }
    // relation 5, between consecutive years of one agency, counted on the later report
    const byKey = new Map(reports.map((r) => [`${r.agency.identityKey}:${r.year}`, r]));
    for (const ruleId of ["carry_across_years", "in_force_across_years"] as const) {
      let failedReports = 0;
      let failedChecks = 0;
      for (const r of reports) {
        const prev = byKey.get(`${r.agency.identityKey}:${r.year - 1}`);
        if (!prev) continue;
        const failed = checkAcrossYears(
          { year: prev.year, format: prev.format, values: current(prev).values },
          { year: r.year, format: r.format, values: current(r).values },
        ).filter((c) => !c.ok && c.ruleId === ruleId).length;
        failedChecks += failed;
        if (failed > 0) failedReports++;
      }
      expect(failedReports, ruleId).toBeGreaterThan(0);
      const rule = dq.byRule.find((x) => x.ruleId === ruleId);
      expect(rule?.reports, ruleId).toBe(failedReports);
      expect(rule?.checks, ruleId).toBe(failedChecks);
    }
    // a corrected report's broken first version does not count
    const fixed = reports.filter((r) => r.versions.length > 1);
    expect(fixed.length).toBeGreaterThan(0);
    const worstIds = new Set(dq.worst.map((w) => w.reportId));
    expect(dq.worst.every((w) => w.failedCheckCount > 0)).toBe(true);
    expect(worstIds.size).toBe(dq.worst.length);
  });

  it("relation 5 under a year filter still reads the year before it", async () => {
    const dq = await getDataQuality(filters("year=2022"), {}, db.pool);
    const byKey = new Map(reports.map((r) => [`${r.agency.identityKey}:${r.year}`, r]));
    let failed = 0;
    for (const r of reports.filter((x) => x.year === 2022)) {
      const prev = byKey.get(`${r.agency.identityKey}:2021`);
      if (!prev) continue;
      const checks = checkAcrossYears({ year: 2021, format: prev.format, values: current(prev).values }, { year: 2022, format: r.format, values: current(r).values });
      failed += checks.filter((c) => !c.ok && c.ruleId === "carry_across_years").length;
    }
    expect(dq.byRule.find((x) => x.ruleId === "carry_across_years")?.checks ?? 0).toBe(failed);
  });

  it("filter options follow the cascade", async () => {
    const o = await getFilterOptions({ province: "江苏省", city: "淮安市" }, db.pool);
    expect(o.provinces.map((p) => p.value).sort()).toEqual([...new Set(reports.map((r) => r.agency.province))].sort());
    expect(o.cities.map((c) => c.value).sort()).toEqual([...new Set(reports.filter((r) => r.agency.province === "江苏省" && r.agency.city).map((r) => r.agency.city!))].sort());
    expect(o.counties.map((c) => c.value).sort()).toEqual(
      [...new Set(reports.filter((r) => r.agency.city === "淮安市" && r.agency.county).map((r) => r.agency.county!))].sort(),
    );
    expect(o.years.reduce((s, y) => s + y.reports, 0)).toBe(reports.length);
  });
});

describe("trends", () => {
  it("bridge the formats for penalties and mark 2021-only metrics as not comparable over 2019-format years", async () => {
    const [penalty, inForce] = await getTrends(filters(""), { metrics: ["penalty", "rules_in_force"] }, db.pool);
    expect(penalty.bridged).toBe(true);
    expect(inForce.formats).toEqual(["2021"]);
    const line = penalty.series[0];
    expect(line.key).toBe("all");
    for (const p of line.points) {
      const rs = reports.filter((r) => r.year === p.year);
      expect(p.reports).toBe(rs.length);
      expect(p.value).toBe(sumOver(rs, penaltyKeys));
      expect(p.comparable).toBe(rs.length > 0);
    }
    for (const p of inForce.series[0].points) {
      const rs = reports.filter((r) => r.year === p.year);
      const with2021 = rs.filter((r) => r.format === "2021");
      expect(p.reportsWithMetric).toBe(with2021.length);
      expect(p.comparable).toBe(rs.length > 0 && with2021.length === rs.length);
      expect(p.value).toBe(with2021.length === 0 ? null : sumOver(with2021, () => ["active.rules.in_force"]));
      if (!p.comparable && rs.length > 0) expect(p.noteEn).toMatch(/not comparable/);
    }
  });

  it("one line per chosen agency", async () => {
    const ids = (await db.pool.query(`SELECT id FROM agency ORDER BY id LIMIT 2`)).rows.map((r) => Number(r.id));
    const [res] = await getTrends(filters(`agency=${ids.join(",")}&metric=apps_new`), {}, db.pool);
    expect(res.metric).toBe("apps_new");
    expect(res.series.map((s) => s.agencyId).sort()).toEqual(ids.sort());
  });
});

describe("lists and details", () => {
  it("report list pages through exactly the filtered reports", async () => {
    const f = filters("province=江苏省&kind=street,town&pageSize=7");
    const expected = reports.filter((r) => r.agency.province === "江苏省" && ["street", "town"].includes(r.agency.kind));
    const first = await listReports(f, db.pool);
    expect(first.total).toBe(expected.length);
    expect(first.reports.length).toBe(Math.min(7, expected.length));
    const all = await filteredReportIds(f, db.pool);
    expect(all.length).toBe(expected.length);
    const page2 = await listReports({ ...f, page: 2 }, db.pool);
    expect(page2.reports.map((r) => r.reportId)).toEqual(all.slice(7, 14));
    // newest first
    const years = first.reports.map((r) => r.year);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });

  it("q searches agency names", async () => {
    const res = await listReports(filters("q=街道&pageSize=500"), db.pool);
    expect(res.total).toBe(reports.filter((r) => r.agency.name.includes("街道") || r.agency.fullName.includes("街道")).length);
  });

  it("report detail: current values and checks, version history with what changed", async () => {
    const fixed = reports.find((r) => r.versions.length > 1)!;
    const { rows } = await db.pool.query(`SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.identity_key = $1 AND r.year = $2`, [
      fixed.agency.identityKey,
      fixed.year,
    ]);
    const detail = (await getReportDetail(Number(rows[0].id), db.pool))!;
    expect(detail.current.versionNo).toBe(2);
    expect(detail.current.values).toEqual(current(fixed).values);
    expect(detail.current.checks.length).toBe(current(fixed).checks.length);
    expect(detail.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    const changed = detail.versions[0].changes;
    expect(changed.map((c) => c.key).sort()).toEqual(current(fixed).corrections.map((c) => c.field).sort());
    for (const c of changed) {
      expect(c.before).toBe(fixed.versions[0].values[c.key]);
      expect(c.after).toBe(fixed.versions[1].values[c.key]);
    }
    expect(detail.versions[1].changes).toEqual([]);
    expect(detail.sourceFile.fileName).toBe(fixed.file.name);
    expect(await getReportDetail(999999, db.pool)).toBeNull();
  });

  it("report detail: broken checks carry both sides and their cells", async () => {
    const broken = reports.find((r) => r.versions.length === 1 && current(r).checks.some((c) => !c.ok))!;
    const { rows } = await db.pool.query(`SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE a.identity_key = $1 AND r.year = $2`, [
      broken.agency.identityKey,
      broken.year,
    ]);
    const detail = (await getReportDetail(Number(rows[0].id), db.pool))!;
    const failed = detail.current.checks.filter((c) => !c.ok);
    const expected = current(broken).checks.filter((c) => !c.ok);
    expect(failed.map((c) => [c.ruleId, c.column ?? c.row ?? c.group, c.left, c.right])).toEqual(
      expected.map((c) => [c.ruleId, c.column ?? c.row ?? c.group, c.left, c.right]),
    );
    expect(failed[0].leftKeys.length).toBeGreaterThan(0);
  });

  it("agency detail: years, missing years and carry-over across years", async () => {
    const byAgency = new Map<string, GenReport[]>();
    for (const r of reports) byAgency.set(r.agency.identityKey, [...(byAgency.get(r.agency.identityKey) ?? []), r]);
    const [key, rs] = [...byAgency.entries()].find(([, list]) => list.length >= 3)!;
    const { rows } = await db.pool.query(`SELECT id FROM agency WHERE identity_key = $1`, [key]);
    const detail = (await getAgencyDetail(Number(rows[0].id), db.pool))!;
    expect(detail.years.map((y) => y.year)).toEqual(rs.map((r) => r.year));
    const years = rs.map((r) => r.year);
    const gaps = [];
    for (let y = years[0]; y <= years[years.length - 1]; y++) if (!years.includes(y)) gaps.push(y);
    expect(detail.missingYears).toEqual(gaps);
    // relation 5 between every pair of consecutive years, as computed from the generated values
    const expected = rs.flatMap((r, i) => {
      const prev = rs[i - 1];
      if (!prev || prev.year !== r.year - 1) return [];
      return checkAcrossYears({ year: prev.year, format: prev.format, values: current(prev).values }, { year: r.year, format: r.format, values: current(r).values }).map(
        (c) => [r.year, c.ruleId, c.column ?? c.group, c.ok, c.left, c.right],
      );
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(detail.acrossYears.map((c) => [c.toYear, c.ruleId, c.column ?? c.group, c.ok, c.left, c.right])).toEqual(expected);
    expect(await getAgencyDetail(999999, db.pool)).toBeNull();
  });
});
