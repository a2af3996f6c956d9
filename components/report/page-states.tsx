/** Loading and not-found states of the dashboard pages (Chinese first, English beside it). */

export function PageLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3 py-6">
      <p className="text-sm text-slate-600">
        正在加载… <span className="text-xs">Loading…</span>
      </p>
      <div className="h-6 w-1/3 rounded bg-slate-200" />
      <div className="h-40 rounded bg-slate-100" />
      <div className="h-40 rounded bg-slate-100" />
    </div>
  );
}

export function PageNotFound({ what }: { what: "agency" | "report" }) {
  const zh = what === "agency" ? "没有这个机关" : "没有这份报告";
  const en = what === "agency" ? "No such agency" : "No such report";
  return (
    <div className="py-10 text-center">
      <h1 className="text-xl font-semibold">
        {zh} <span className="text-base font-normal text-slate-600">{en}</span>
      </h1>
      <p className="mt-2 text-sm text-slate-700">
        地址中的编号不存在，可能已被删除。 <span className="text-slate-500">The id in the address does not exist; it may have been deleted.</span>
      </p>
      <p className="mt-4">
        <a href="/" className="text-blue-700 underline">返回总览 · Back to the overview</a>
      </p>
    </div>
  );
}
