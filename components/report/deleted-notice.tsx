/** The overview's notice after the report page deleted a report (it redirects to /?deleted=<id>). */
import { deletedNoticeMessages } from "./report-admin-messages";
import type { Lang } from "./report-correction-model";

export function DeletedNotice({ lang, deleted }: { lang: Lang; deleted: string | string[] | undefined }) {
  const id = Array.isArray(deleted) ? deleted[0] : deleted;
  if (!id || !/^\d{1,9}$/.test(id)) return null;
  return (
    <p role="status" className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      ✓ {deletedNoticeMessages[lang](id)}
    </p>
  );
}
