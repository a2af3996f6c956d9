import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/get-session";
import { getLang } from "@/lib/i18n";
import { LoginForm } from "./login-form";
import { loginMessages } from "./messages";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "登录 · Sign in" };

function safeNext(raw: string | string[] | undefined): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/upload";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [lang, session, params] = await Promise.all([getLang(), getSession(), searchParams]);
  const next = safeNext(params.next);
  if (session.signedIn) redirect(next);
  const m = loginMessages[lang];
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <div className="mx-auto max-w-md space-y-4 py-8">
      <h1 className="text-2xl font-semibold">{m.title}</h1>
      <p className="text-sm text-slate-600">{m.intro}</p>
      <LoginForm next={next} initialError={error} messages={m} />
      <p className="text-xs text-slate-500">{m.hint}</p>
    </div>
  );
}
