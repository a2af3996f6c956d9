"use client";

/**
 * Posts the password as JSON and goes on to `next` with a full load (so server components see the new
 * cookie). Without JavaScript the same form posts to /api/auth/login, which answers with a redirect.
 */
import { useState, type FormEvent } from "react";
import type { LoginMessages } from "./messages";

export function LoginForm({ next, initialError, messages: m }: { next: string; initialError: string | null; messages: LoginMessages }) {
  const [error, setError] = useState<string | null>(initialError ? (m.errors[initialError] ?? initialError) : null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password, next }),
      });
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      const code = body?.error?.code ?? "";
      const retry = res.headers.get("retry-after");
      setError((m.errors[code] ?? body?.error?.message ?? `HTTP ${res.status}`) + (retry ? ` (${retry}s)` : ""));
    } catch {
      setError(m.errors.network!);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" action="/api/auth/login" onSubmit={submit} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {m.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
          className="w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-600 focus:outline-none"
        />
      </div>
      {error ? (
        <p id="login-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {busy ? m.submitting : m.submit}
      </button>
    </form>
  );
}
