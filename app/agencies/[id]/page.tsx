import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseRouteId } from "../../../lib/http/route-id";
import { getLang } from "../../../lib/i18n";
import { getAgencyDetail } from "../../../lib/queries/agency-detail";
import { AgencyView } from "../../../components/report/agency-view";
import { DownloadCsvLink } from "../../../components/filters/download-link";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const detail = id === null ? null : await getAgencyDetail(id);
  return { title: detail?.agency.name ?? ((await getLang()) === "zh" ? "机关" : "Agency") };
}

export default async function AgencyPage({ params }: { params: Params }) {
  const lang = await getLang();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const detail = await getAgencyDetail(id);
  if (!detail) notFound();
  return (
    <>
      <nav className="mb-2 text-sm" aria-label={lang === "zh" ? "位置" : "Breadcrumb"}>
        <a href="/" className="text-blue-700 underline">{lang === "zh" ? "总览" : "Overview"}</a> ›{" "}
        <span>{lang === "zh" ? "机关" : "Agency"}</span>
      </nav>
      <h1 className="mb-3 text-2xl font-bold">{detail.agency.name}</h1>
      <DownloadCsvLink lang={lang} params={{ agency: String(id) }} />
      <div className="mt-4">
        <AgencyView lang={lang} detail={detail} />
      </div>
    </>
  );
}
