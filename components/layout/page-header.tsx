import type { ReactNode } from "react";

/** The title block every dashboard page opens with; `children` go under the introduction (notices). */
export function PageHeader({ title, intro, children }: { title: string; intro: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-3">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-sm text-slate-700">{intro}</p>
      {children}
    </header>
  );
}
