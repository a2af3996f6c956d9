/** For server components: is the visitor signed in, and which CSRF token should the page send back? */
import { cookies } from "next/headers";
import { findSession, SESSION_COOKIE } from "./session";

export interface PageSession {
  signedIn: boolean;
  csrfToken: string | null;
}

export async function getSession(): Promise<PageSession> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (!token) return { signedIn: false, csrfToken: null };
  try {
    const s = await findSession(token);
    return s ? { signedIn: true, csrfToken: s.csrfToken } : { signedIn: false, csrfToken: null };
  } catch {
    return { signedIn: false, csrfToken: null };
  }
}
