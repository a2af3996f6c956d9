import type { Metadata } from "next";
import { parseReportFilters } from "../../lib/filters/report-filters";
import { getLang } from "../../lib/i18n";
import { getCompareActive } from "../../lib/queries/compare-active";
import { getCompareApplications } from "../../lib/queries/compare-applications";
import { getCompareOutcomes } from "../../lib/queries/compare-outcomes";
import { getCompareReview } from "../../lib/queries/compare-review";
import { getFilterOptions } from "../../lib/queries/region-options";
import { CompareView } from "../../components/charts/compare-view";
import { DownloadCsvLink } from "../../components/filters/download-link";
import { FilterBar } from "../../components/filters/filter-bar";
import { FilterErrorMessage } from "../../components/filters/filter-error";
import { PageHeader } from "../../components/layout/page-header";
import { toSearchParams } from "../../components/filters/filter-params";

export const dynamic = "force-dynamic";

const messages = {
  zh: { title: "对比", intro: "同一年度内，筛选出的机关（或按区县、市、省汇总）的申请、办理结果、主动公开和复议诉讼情况排名。" },
  en: { title: "Compare", intro: "For one year, the filtered agencies (or their county, city or province roll-up) ranked on applications, outcomes, proactive disclosure, reconsideration and litigation." },
} as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages[await getLang()].title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const lang = await getLang();
  const m = messages[lang];
  const params = await searchParams;
  const parsed = parseReportFilters(params);
  const heading = <PageHeader title={m.title} intro={m.intro} />;
  if (!parsed.ok) {
    return <FilterErrorMessage lang={lang} error={parsed.error} resetHref="/compare" heading={heading} />;
  }
  const filters = parsed.filters;
  const [options, applications, outcomes, active, review] = await Promise.all([
    getFilterOptions(filters),
    getCompareApplications(filters),
    getCompareOutcomes(filters),
    getCompareActive(filters),
    getCompareReview(filters),
  ]);
  // The page shows one year (the chosen one, or the latest in range): the CSV holds that year's reports.
  const exportParams = toSearchParams(params);
  if (outcomes.year !== null) {
    exportParams.delete("from");
    exportParams.delete("to");
    exportParams.set("year", String(outcomes.year));
  }
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
        showGroupBy
        allowRange={false}
        yearEmptyLabel="latest"
      />
      <DownloadCsvLink lang={lang} params={exportParams} />
      <div className="mt-4">
        <CompareView
          lang={lang}
          params={params}
          groupBy={filters.groupBy}
          applications={applications}
          outcomes={outcomes}
          active={active}
          review={review}
        />
      </div>
    </>
  );
}
