"use client";

/**
 * The rules and normative documents table of the compare page. A client component for one reason: the
 * page then sends its rows to the browser as plain number arrays instead of a rendered element tree
 * (several times smaller); the server still renders the whole table into the HTML.
 */
import { DATA_TABLE_CLASS, formatChartValue, type ValueFormat } from "./chart-data";

export interface DocumentsColumn {
  label: string;
  format: ValueFormat;
}

export interface DocumentsRow {
  id: string;
  label: string;
  href?: string;
  /** "reports in the 2019 format / in the 2021 format". */
  formats: string;
  /** One value per column, in the columns' order. */
  values: Array<number | null>;
}

export interface DocumentsTableProps {
  title: string;
  description: string;
  nameLabel: string;
  formatsLabel: string;
  columns: DocumentsColumn[];
  rows: DocumentsRow[];
}

export function DocumentsTable({ title, description, nameLabel, formatsLabel, columns, rows }: DocumentsTableProps) {
  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <figcaption className="font-semibold">{title}</figcaption>
      <p className="mb-2 text-xs text-slate-600">{description}</p>
      <div className="relative overflow-x-auto">
        <table className={DATA_TABLE_CLASS}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="text-left">{nameLabel}</th>
              <th scope="col" className="text-right">{formatsLabel}</th>
              {columns.map((c) => (
                <th key={c.label} scope="col" className="text-right text-xs">{c.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.href ? <a href={r.href} className="text-blue-700 underline">{r.label}</a> : r.label}</th>
                <td>{r.formats}</td>
                {columns.map((c, i) => (
                  <td key={c.label}>{formatChartValue(r.values[i], c.format)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
