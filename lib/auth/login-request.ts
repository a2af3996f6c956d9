/**
 * POST /api/auth/login and /api/auth/logout. Both take JSON (the login page's fetch) or an HTML form post
 * (works without JavaScript: answered with a 303 redirect). Cross-site posts are refused (login CSRF).
 */
import { NextResponse } from "next/server";
import { ApiError, apiError } from "../http/api-error";
import { isSameOrigin, RateLimitedError, verifyPasswordAttempt } from "./require-admin";
import { createSession, CSRF_COOKIE, deleteSession, isHttps, readCookie, SESSION_COOKIE, SESSION_DAYS } from "./session";

function safeNext(raw: unknown): string {
  return typeof raw === "string" && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/upload";
}

async function readBody(request: Request): Promise<{ form: boolean; password: string; next: string }> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    const body = (await request.json().catch(() => null)) as { password?: unknown; next?: unknown } | null;
    return { form: false, password: typeof body?.password === "string" ? body.password : "", next: safeNext(body?.next) };
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const password = form?.get("password");
    return { form: true, password: typeof password === "string" ? password : "", next: safeNext(form?.get("next")) };
  }
  throw new ApiError(415, "unsupported_media_type", "请以 JSON 或表单提交密码 / Send the password as JSON or a form.");
}

function setSessionCookies(res: NextResponse, request: Request, token: string, csrf: string, expires: Date): void {
  const secure = isHttps(request);
  const maxAge = SESSION_DAYS * 24 * 3600;
  res.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge, expires });
  // Readable by our pages, which echo it in X-CSRF-Token; a cross-site page can neither read it nor set the header.
  res.cookies.set(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: "lax", secure, path: "/", maxAge, expires });
}

function clearSessionCookies(res: NextResponse, request: Request): void {
  const secure = isHttps(request);
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
  res.cookies.set(CSRF_COOKIE, "", { httpOnly: false, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

export async function handleLogin(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return apiError(403, "cross_origin", "拒绝跨站登录请求 / Cross-site sign-in refused.");
  const body = await readBody(request);
  try {
    if (!body.password) throw new ApiError(400, "password_required", "请输入密码 / Enter the password.");
    verifyPasswordAttempt(request, body.password);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (body.form) {
      const to = new URL(`/login?error=${encodeURIComponent(e.code)}&next=${encodeURIComponent(body.next)}`, request.url);
      return NextResponse.redirect(to, 303);
    }
    const res = apiError(e.status, e.code, e.message);
    if (e instanceof RateLimitedError) res.headers.set("Retry-After", String(e.retryAfterSeconds));
    return res;
  }
  const session = await createSession();
  const res = body.form ? NextResponse.redirect(new URL(body.next, request.url), 303) : NextResponse.json({ ok: true, csrfToken: session.csrfToken, next: body.next });
  setSessionCookies(res, request, session.token, session.csrfToken, session.expiresAt);
  return res;
}

export async function handleLogout(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return apiError(403, "cross_origin", "拒绝跨站请求 / Cross-site request refused.");
  await deleteSession(readCookie(request, SESSION_COOKIE));
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json") || (request.headers.get("content-type") ?? "").includes("json");
  const res = wantsJson ? NextResponse.json({ ok: true }) : NextResponse.redirect(new URL("/", request.url), 303);
  clearSessionCookies(res, request);
  return res;
}
