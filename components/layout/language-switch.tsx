"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LANG_COOKIE, type Lang } from "@/lib/i18n/lang";

const LABELS: Record<Lang, { short: string; name: string }> = {
  zh: { short: "中文", name: "中文（简体）" },
  en: { short: "EN", name: "English" },
};

/** Sets the `lang` cookie and re-renders the server components in the chosen language. */
export function LanguageSwitch({ lang }: { lang: Lang }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Lang) {
    if (next === lang) return;
    document.cookie = `${LANG_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={lang === "zh" ? "界面语言" : "Interface language"} className="flex shrink-0 overflow-hidden rounded-md border border-slate-300 text-sm">
      {(Object.keys(LABELS) as Lang[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l === "zh" ? "zh-CN" : "en"}
          aria-pressed={l === lang}
          aria-label={LABELS[l].name}
          disabled={pending}
          onClick={() => choose(l)}
          className={
            "px-2.5 py-1 transition-colors " +
            (l === lang ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100")
          }
        >
          {LABELS[l].short}
        </button>
      ))}
    </div>
  );
}
