import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/get-session";
import { getLang } from "@/lib/i18n";
import { maxFileBytes } from "@/lib/ingest/limits";
import { uploadMessages } from "./messages";
import { UploadWorkspace } from "./upload-workspace";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "上传 · Upload" };

export default async function UploadPage() {
  const [lang, session] = await Promise.all([getLang(), getSession()]);
  if (!session.signedIn || !session.csrfToken) redirect("/login?next=/upload");
  const m = uploadMessages[lang];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{m.title}</h1>
          <p className="max-w-3xl text-sm text-slate-600">{m.intro}</p>
        </div>
        <form method="post" action="/api/auth/logout">
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            {m.signOut}
          </button>
        </form>
      </div>
      <UploadWorkspace lang={lang} csrfToken={session.csrfToken} maxFileBytes={maxFileBytes()} />
    </div>
  );
}
