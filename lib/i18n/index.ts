/**
 * Server side of i18n: the language of a request comes from the `lang` cookie (set by the switch in the
 * header), defaulting to Chinese. Client components import from "@/lib/i18n/lang" instead.
 */
import { cookies } from "next/headers";
import { LANG_COOKIE, langFromCookie, type Lang } from "./lang.ts";

export * from "./lang.ts";

export async function getLang(): Promise<Lang> {
  const store = await cookies();
  return langFromCookie(store.get(LANG_COOKIE)?.value);
}
