import { Parser } from "htmlparser2";
import { joinCellPieces, layoutSpannedRows, normalizeLine, type SourceCell } from "./grid";
import type { ExtractedDocument, Grid } from "./types";

/** Never content: code, forms, embedded media and the document head. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
  "title", "select", "option", "button", "textarea", "audio", "video", "map", "nav",
]);

/** Elements that start and end a line of reading-order text. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br", "o:p",
]);

/**
 * Site chrome (menus, footers, share bars) by class/id token. Its text is dropped unless it
 * turns out to hold a table, so a report a site wraps in class="footer-content" still survives.
 */
const CHROME_TOKEN =
  /(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumb|crumb|share|sitemap|topbar|friendlink|links?)([\s_-]|$)/i;

/** A table whose cells hold this much text is a page layout wrapper, not a data table. */
const LAYOUT_CELL_CHARS = 400;

/** Where text goes: the document, a table cell, or a stretch of chrome on probation. */
interface Sink {
  lines: string[];
  tables: Grid[];
  /** Inline text since the last block boundary. */
  buffer: string;
  containsTable: boolean;
}

interface CellState {
  sink: Sink;
  rowSpan: number;
  colSpan: number;
}

interface TableState {
  rows: CellState[][];
  row: CellState[] | null;
  /** Cells of this table currently open: a <table> opening now is nested in one of them. */
  openCells: number;
  hasNestedTable: boolean;
}

type Role = "skip" | "chrome" | "table" | "row" | "cell" | "block" | "inline";

const newSink = (): Sink => ({ lines: [], tables: [], buffer: "", containsTable: false });

/**
 * Reads HTML as a stream of parser events (htmlparser2) instead of building a DOM: a 20 MB
 * page's DOM costs several hundred MB, and a DOM walk or parse5's tree building grows
 * quadratic with nesting depth. Tables are buffered cell by cell until they close, then either
 * become a Grid with one tab-joined line per row, or (when they only lay out the page: nested
 * tables or long text in cells) give their cells' lines back in reading order.
 */
export function readHtml(html: string, warnings: string[] = []): ExtractedDocument {
  const root = newSink();
  const sinks: Sink[] = [root];
  const tables: TableState[] = [];
  const open: Array<{ name: string; role: Role }> = [];
  let skipDepth = 0;

  const sink = () => sinks[sinks.length - 1];
  const flush = () => {
    const s = sink();
    const line = normalizeLine(s.buffer);
    if (line) s.lines.push(line);
    s.buffer = "";
  };
  const mergeInto = (target: Sink, from: Sink) => {
    target.lines.push(...from.lines);
    target.tables.push(...from.tables);
    target.containsTable ||= from.containsTable;
  };

  const onOpen = (rawName: string, attribs: Record<string, string>) => {
    const name = rawName.toLowerCase();
    if (skipDepth > 0 || SKIPPED.has(name)) {
      skipDepth++;
      open.push({ name, role: "skip" });
      return;
    }
    const table = tables[tables.length - 1];
    if (name === "table") {
      flush();
      if (table && table.openCells > 0) table.hasNestedTable = true;
      tables.push({ rows: [], row: null, openCells: 0, hasNestedTable: false });
      open.push({ name, role: "table" });
      return;
    }
    if (name === "tr" && table) {
      flush();
      table.row = [];
      table.rows.push(table.row);
      open.push({ name, role: "row" });
      return;
    }
    if ((name === "td" || name === "th") && table) {
      flush();
      if (!table.row) {
        table.row = [];
        table.rows.push(table.row);
      }
      const cell: CellState = { sink: newSink(), rowSpan: spanAttr(attribs.rowspan), colSpan: spanAttr(attribs.colspan) };
      table.row.push(cell);
      table.openCells++;
      sinks.push(cell.sink);
      open.push({ name, role: "cell" });
      return;
    }
    if (isChrome(name, attribs)) {
      flush();
      sinks.push(newSink());
      open.push({ name, role: "chrome" });
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    open.push({ name, role: block ? "block" : "inline" });
  };

  const onClose = (rawName: string) => {
    const name = rawName.toLowerCase();
    let index = open.length - 1;
    while (index >= 0 && open[index].name !== name) index--;
    if (index < 0) return;
    while (open.length > index) closeElement(open.pop()!);
  };

  const closeElement = ({ role }: { name: string; role: Role }) => {
    switch (role) {
      case "skip":
        skipDepth--;
        return;
      case "block":
        flush();
        return;
      case "inline":
        return;
      case "chrome": {
        flush();
        const captured = sinks.pop()!;
        if (captured.containsTable) mergeInto(sink(), captured);
        return;
      }
      case "cell": {
        flush();
        sinks.pop();
        const table = tables[tables.length - 1];
        if (table) table.openCells--;
        return;
      }
      case "row": {
        const table = tables[tables.length - 1];
        if (table) table.row = null;
        return;
      }
      case "table":
        closeTable();
        return;
    }
  };

  const closeTable = () => {
    flush();
    const table = tables.pop()!;
    const target = sink();
    const rows: SourceCell[][] = table.rows.map((row) =>
      row.map((cell) => ({ text: joinCellPieces(cell.sink.lines), rowSpan: cell.rowSpan, colSpan: cell.colSpan })),
    );
    target.containsTable = true;
    if (table.hasNestedTable || isLayoutTable(rows)) {
      for (const row of table.rows) for (const cell of row) mergeInto(target, cell.sink);
      return;
    }
    for (const row of rows) {
      const line = row.map((c) => c.text).join("\t");
      if (line.trim()) target.lines.push(line);
    }
    const grid = layoutSpannedRows(rows);
    if (grid) target.tables.push(grid);
    else warnings.push("a table was too large to lay out as a grid; its rows are kept as text");
  };

  const parser = new Parser(
    {
      onopentag: onOpen,
      onclosetag: onClose,
      ontext: (text) => {
        if (skipDepth === 0) sink().buffer += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  while (open.length > 0) closeElement(open.pop()!);
  while (sinks.length > 1) mergeInto(sinks[sinks.length - 2], sinks.pop()!);
  flush();
  return { kind: "html", text: root.lines.join("\n"), tables: root.tables, warnings };
}

function isChrome(name: string, attribs: Record<string, string>): boolean {
  if (name === "footer" || name === "aside") return true;
  const tokens = `${attribs.class ?? ""} ${attribs.id ?? ""}`;
  return tokens.trim() !== "" && CHROME_TOKEN.test(tokens);
}

function spanAttr(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  // rowspan="0" means "to the end of the table"; the grid layout clips it to the rows left.
  if (n === 0) return Number.MAX_SAFE_INTEGER;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

function isLayoutTable(rows: SourceCell[][]): boolean {
  let width = 0;
  for (const row of rows) {
    width = Math.max(width, row.length);
    for (const cell of row) if (cell.text.length > LAYOUT_CELL_CHARS) return true;
  }
  return width <= 1 && rows.some((row) => row.some((c) => c.text.length > 100));
}

/**
 * HTML kept inside a JavaScript string (`let content = "<p style=\"…\">…"`): strip the
 * assignment and undo the string escapes so the markup parses.
 */
export function unwrapHtmlInJavaScript(source: string): string | null {
  const escapedAttrs = source.match(/=\s*\\"/g)?.length ?? 0;
  if (escapedAttrs < 3) return null;
  let s = source;
  const start = /(?:^|[;\n])\s*(?:(?:var|let|const)\s+)?[\w.$[\]'"]+\s*[:=]\s*(["'`])\s*(?=<)/.exec(s);
  if (start) {
    const quote = start[1];
    s = s.slice(start.index + start[0].length);
    const end = s.lastIndexOf(quote);
    if (end > 0 && /^\s*[;,)}]?\s*$/.test(s.slice(end + 1, end + 200))) s = s.slice(0, end);
  }
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, esc: string) => {
    if (esc.length > 1) return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    switch (esc) {
      case "n":
        return "\n";
      case "r":
        return "";
      case "t":
        return "\t";
      case "b":
      case "f":
      case "v":
        return " ";
      default:
        return esc;
    }
  });
}
