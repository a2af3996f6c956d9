import Link from "next/link";
import type { Lang } from "@/lib/i18n/lang";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";

export function SiteHeader({ lang }: { lang: Lang }) {
  return (
    <header className="border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="mr-auto flex flex-col leading-tight sm:mr-0" aria-label={lang === "zh" ? "政务公开年报对比 首页" : "Disclosure Atlas home"}>
          <span className="text-lg font-semibold text-slate-900" lang="zh-CN">
            政务公开年报对比
          </span>
          <span className="text-xs tracking-wide text-slate-500" lang="en">
            Disclosure Atlas
          </span>
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <MainNav lang={lang} />
        </div>
        <LanguageSwitch lang={lang} />
      </div>
    </header>
  );
}
