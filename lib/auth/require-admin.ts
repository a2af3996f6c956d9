/**
 * The gate of every state-changing route: `Authorization: Bearer <admin password>` (API, CLI) or the session
 * cookie plus the CSRF header and a same-origin Origin (the browser). Answers 401 when no credentials came,
 * 403 when they are wrong or the request is cross-site, 429 after too many wrong passwords.
 */
import { ApiError } from "../http/api-error";
import { currentAdminPassword } from "./admin-password";
import { passwordsMatch } from "./password-check";
import { clientKey, loginLimiter } from "./rate-limit";
import { CSRF_HEADER, csrfMatches, findSession, readCookie, SESSION_COOKIE } from "./session";

export interface Admin {
  /** Recorded as uploaded_by / created_by. */
  actor: string;
  via: "bearer" | "session";
}

export class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "too_many_attempts", `密码错误次数过多，请 ${retryAfterSeconds} 秒后再试 / Too many wrong passwords; try again in ${retryAfterSeconds} s.`);
  }
}

/** The request comes from our own pages: Origin (or Referer) names this host. Absent Origin is allowed (same-origin GET/HEAD-less clients such as curl carry none). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  if (!origin) return true;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return o.host === host;
}

/** Checks a password attempt against the limiter; throws 429 when blocked, 403 when wrong. */
export function verifyPasswordAttempt(request: Request, password: string): void {
  const key = clientKey(request);
  const limiter = loginLimiter();
  const decision = limiter.check(key);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  const expected = currentAdminPassword();
  if (!expected) {
    throw new ApiError(503, "no_admin_password", "尚未设置管理员密码：设置 ADMIN_PASSWORD 或运行 npm start 生成 / No admin password is set: set ADMIN_PASSWORD or run npm start to generate one.");
  }
  if (!passwordsMatch(password, expected)) {
    limiter.recordFailure(key);
    throw new ApiError(403, "wrong_password", "密码错误 / Wrong password.");
  }
  limiter.reset(key);
}

export async function requireAdmin(request: Request): Promise<Admin> {
  const auth = request.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (!m) throw new ApiError(401, "unauthorized", "Authorization 头应为 Bearer <密码> / Use Authorization: Bearer <password>.");
    verifyPasswordAttempt(request, m[1]!.trim());
    return { actor: "admin", via: "bearer" };
  }
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) throw new ApiError(401, "unauthorized", "请先登录 / Sign in first.");
  const session = await findSession(token);
  if (!session) throw new ApiError(401, "session_expired", "登录已过期，请重新登录 / Your session has expired; sign in again.");
  if (!isSameOrigin(request)) throw new ApiError(403, "cross_origin", "拒绝跨站请求 / Cross-site request refused.");
  if (!csrfMatches(session, request.headers.get(CSRF_HEADER))) {
    throw new ApiError(403, "csrf_failed", "请求缺少有效的 CSRF 令牌，请刷新页面 / Missing or invalid CSRF token; reload the page.");
  }
  return { actor: "admin", via: "session" };
}
