/** For visitors who are not signed in: the way to the login page, which brings them back to this report. */
import { reportAdminMessages } from "./report-admin-messages";
import type { Lang } from "./report-correction-model";

export function signInHref(reportId: number): string {
  return `/login?next=${encodeURIComponent(`/reports/${reportId}`)}`;
}

export function SignInToCorrect({ lang, reportId }: { lang: Lang; reportId: number }) {
  return (
    <p className="mb-3 text-sm">
      <a href={signInHref(reportId)} className="text-blue-700 underline">
        {reportAdminMessages[lang].signInToCorrect}
      </a>
    </p>
  );
}
