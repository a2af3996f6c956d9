/** Languages of the UI. Chinese first; English available. Safe to import from client components. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh";
export const LANG_COOKIE = "lang";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The language a `lang` cookie value asks for; anything missing or unknown means Chinese. */
export function langFromCookie(value: string | undefined): Lang {
  return isLang(value) ? value : DEFAULT_LANG;
}

/** `lang` for the <html> element. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

/** Messages of one feature: `const messages = { zh: {...}, en: {...} } satisfies Messages<…>`. */
export type Messages<T> = Record<Lang, T>;

export function pick<T>(messages: Messages<T>, lang: Lang): T {
  return messages[lang];
}
