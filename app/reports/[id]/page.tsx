import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSession } from "../../../lib/auth/get-session";
import { parseRouteId } from "../../../lib/http/route-id";
import { getLang } from "../../../lib/i18n";
import { getReportDetail } from "../../../lib/queries/report-detail";
import { DownloadCsvLink } from "../../../components/filters/download-link";
import { ReportView } from "../../../components/report/report-view";
import { ReportAdmin } from "../../../components/report/report-admin";
import { metadataDraftOf } from "../../../components/report/report-correction-model";
import { SignInToCorrect, signInHref } from "../../../components/report/sign-in-to-correct";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const detail = id === null ? null : await getReportDetail(id);
  const lang = await getLang();
  if (!detail) return { title: lang === "zh" ? "报告" : "Report" };
  return { title: `${detail.agency.name} ${detail.report.year}` };
}

export default async function ReportPage({ params }: { params: Params }) {
  const lang = await getLang();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const [detail, session] = await Promise.all([getReportDetail(id), getSession()]);
  if (!detail) notFound();
  const view = <ReportView lang={lang} detail={detail} />;
  return (
    <>
      <nav className="mb-2 text-sm" aria-label={lang === "zh" ? "位置" : "Breadcrumb"}>
        <a href="/" className="text-blue-700 underline">{lang === "zh" ? "总览" : "Overview"}</a> ›{" "}
        <a href={`/agencies/${detail.agency.id}`} className="text-blue-700 underline">{detail.agency.name}</a> ›{" "}
        <span>{detail.report.year}</span>
      </nav>
      <h1 className="mb-3 text-2xl font-bold">
        {detail.agency.name} {lang === "zh" ? `${detail.report.year} 年政府信息公开工作年度报告` : `${detail.report.year} annual disclosure report`}
      </h1>
      {/* This report's row of the export: its agency and year name exactly one report. */}
      <DownloadCsvLink lang={lang} params={{ agency: String(detail.agency.id), year: String(detail.report.year) }} />
      <div className="mt-4">
        {session.signedIn && session.csrfToken ? (
          <ReportAdmin
            lang={lang}
            reportId={detail.report.id}
            csrfToken={session.csrfToken}
            versionNo={detail.current.versionNo}
            format={detail.current.format}
            values={detail.current.values}
            metadata={metadataDraftOf(detail)}
            reportLabel={lang === "zh" ? `${detail.agency.name} ${detail.report.year} 年报告` : `${detail.agency.name} ${detail.report.year} report`}
            signInHref={signInHref(detail.report.id)}
          >
            {view}
          </ReportAdmin>
        ) : (
          <>
            <SignInToCorrect lang={lang} reportId={detail.report.id} />
            {view}
          </>
        )}
      </div>
    </>
  );
}
