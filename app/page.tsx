import type { Metadata } from "next";
import { parseReportFilters } from "../lib/filters/report-filters";
import { getLang } from "../lib/i18n";
import { getDataQuality } from "../lib/queries/data-quality";
import { getOverviewCoverage } from "../lib/queries/overview-coverage";
import { getFilterOptions } from "../lib/queries/region-options";
import { listReports } from "../lib/queries/report-list";
import { getTotalsByYear } from "../lib/queries/totals-by-year";
import { DownloadCsvLink } from "../components/filters/download-link";
import { FilterBar } from "../components/filters/filter-bar";
import { FilterErrorMessage } from "../components/filters/filter-error";
import { PageHeader } from "../components/layout/page-header";
import { OverviewView } from "../components/report/overview-view";
import { DeletedNotice } from "../components/report/deleted-notice";

export const dynamic = "force-dynamic";

const messages = {
  zh: { title: "总览", intro: "政府信息公开工作年度报告的收录情况、分年度合计与数据质量。" },
  en: { title: "Overview", intro: "Which annual disclosure reports are in, totals by year, and data quality." },
} as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages[await getLang()].title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const lang = await getLang();
  const m = messages[lang];
  // `deleted` is the report page's notice after a deletion, not a filter: kept out of filters and links.
  const { deleted, ...params } = await searchParams;
  const parsed = parseReportFilters(params);
  const heading = (
    <PageHeader title={m.title} intro={m.intro}>
      <DeletedNotice lang={lang} deleted={deleted} />
    </PageHeader>
  );
  if (!parsed.ok) {
    return <FilterErrorMessage lang={lang} error={parsed.error} resetHref="/" heading={heading} />;
  }
  const filters = parsed.filters;
  const [options, coverage, totals, quality, list] = await Promise.all([
    getFilterOptions(filters),
    getOverviewCoverage(filters, { limit: 100 }),
    getTotalsByYear(filters),
    getDataQuality(filters, { worstLimit: 10 }),
    listReports(filters),
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
      />
      <DownloadCsvLink lang={lang} params={params} />
      <div className="mt-4">
        <OverviewView lang={lang} params={params} coverage={coverage} totals={totals} quality={quality} list={list} />
      </div>
    </>
  );
}
