"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Lang } from "@/lib/i18n/lang";

const LINKS: { href: string; zh: string; en: string }[] = [
  { href: "/", zh: "总览", en: "Overview" },
  { href: "/compare", zh: "对比", en: "Compare" },
  { href: "/trends", zh: "趋势", en: "Trends" },
  { href: "/upload", zh: "上传", en: "Upload" },
];

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(href + "/");
}

export function MainNav({ lang }: { lang: Lang }) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={lang === "zh" ? "主导航" : "Main"} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 whitespace-nowrap">
        {LINKS.map((link) => {
          const active = isActive(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={
                  "block rounded-md px-3 py-1.5 text-sm font-medium transition-colors " +
                  (active ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-200")
                }
              >
                {link[lang]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
