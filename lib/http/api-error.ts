/**
 * One error envelope for every JSON API: `{ "error": { "code", "message" } }` with an honest HTTP status.
 * A 500 never leaks internals: the thrown error is logged on the server, the client gets a generic message.
 */
import { NextResponse } from "next/server";

export type ApiErrorBody = { error: { code: string; message: string } };

export function apiError(status: number, code: string, message: string): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** Throw this from inside a handler wrapped by withApiErrors to answer with a specific status/code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/**
 * Wraps a route handler: an ApiError becomes its envelope; anything else is logged and answered with
 * `500 {error:{code:"internal_error", message}}` without stack traces or driver messages.
 */
export function withApiErrors<Req extends Request = Request, Rest extends unknown[] = []>(
  handler: (request: Req, ...rest: Rest) => Response | Promise<Response>,
): (request: Req, ...rest: Rest) => Promise<Response> {
  return async (request: Req, ...rest: Rest) => {
    try {
      return await handler(request, ...rest);
    } catch (e) {
      if (isApiError(e)) return apiError(e.status, e.code, e.message);
      let where = "api";
      try {
        where = `${request.method} ${new URL(request.url).pathname}`;
      } catch {
        // not a usable Request: keep the generic label
      }
      console.error(`[api] unhandled error in ${where}:`, e);
      return apiError(500, "internal_error", "服务器内部错误 / Internal server error. Please try again later.");
    }
  };
}
