import type { Metadata } from "next";
import { parseReportFilters } from "../../lib/filters/report-filters";
import { getLang } from "../../lib/i18n";
import { getOverviewCoverage } from "../../lib/queries/overview-coverage";
import { getFilterOptions } from "../../lib/queries/region-options";
import { getTrends } from "../../lib/queries/trends";
import { METRICS, type MetricId } from "../../lib/report/ratios";
import { TrendsView } from "../../components/charts/trends-view";
import { DownloadCsvLink } from "../../components/filters/download-link";
import { FilterBar } from "../../components/filters/filter-bar";
import { FilterErrorMessage } from "../../components/filters/filter-error";
import { PageHeader } from "../../components/layout/page-header";

export const dynamic = "force-dynamic";

const messages = {
  zh: { title: "趋势", intro: "各项指标的逐年变化：一个机关、选定的几个机关，或筛选出的地区合计。2019 版与 2021 版格式可比的指标连成一条线，不可比之处单独标出。" },
  en: { title: "Trends", intro: "Metrics over the years for one agency, a chosen set, or the filtered region as a whole. Series comparable across the 2019 and 2021 formats are joined; where they are not, it is marked." },
} as const;

/** Shown under the chosen metric, so a trend page always tells the main story. */
const STANDARD_METRICS: MetricId[] = ["apps_new", "disclosure_rate", "penalty", "licensing", "review_total", "litigation_total", "review_correction_rate", "rules_in_force"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages[await getLang()].title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TrendsPage({ searchParams }: { searchParams: SearchParams }) {
  const lang = await getLang();
  const m = messages[lang];
  const params = await searchParams;
  const parsed = parseReportFilters(params);
  const heading = <PageHeader title={m.title} intro={m.intro} />;
  if (!parsed.ok) {
    return <FilterErrorMessage lang={lang} error={parsed.error} resetHref="/trends" heading={heading} />;
  }
  const filters = parsed.filters;
  const main: MetricId = filters.metric ?? "disclosure_rate";
  const metrics = [main, ...STANDARD_METRICS.filter((x) => x !== main)];
  const [options, results, coverage] = await Promise.all([
    getFilterOptions(filters),
    getTrends(filters, { metrics }),
    // The picker offers the agencies of the other filters (any chosen set included or not).
    getOverviewCoverage({ ...filters, agency: [] }, { sort: "name", limit: 60 }),
  ]);
  return (
    <>
      {heading}
      <FilterBar
        lang={lang}
        params={params}
        years={options.years.map((y) => y.value)}
        provinces={options.provinces.map((p) => p.value)}
        cities={options.cities.map((c) => c.value)}
        counties={options.counties.map((c) => c.value)}
        metrics={METRICS.map((x) => ({ id: x.id, label: lang === "zh" ? x.labelZh : x.labelEn }))}
        defaultMetric="disclosure_rate"
      />
      <DownloadCsvLink lang={lang} params={params} />
      <div className="mt-4">
        <TrendsView
          lang={lang}
          params={params}
          results={results}
          chosen={filters.agency}
          totalAgencies={coverage.totalAgencies}
          agencies={coverage.agencies.map((a) => ({ id: a.agencyId, name: a.name, region: [a.province, a.city, a.county].filter(Boolean).join(" ") }))}
        />
      </div>
    </>
  );
}
