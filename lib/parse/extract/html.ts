import { Tokenizer } from "htmlparser2";
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
 * turns out to hold a table or long paragraphs, so a report a site wraps in
 * class="article-footer-content" still survives.
 */
const CHROME_TOKEN =
  /(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumb|crumb|share|sitemap|topbar|friendlink|links?)([\s_-]|$)/i;

/** Elements without content or end tag. */
const VOID = new Set([
  "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
  "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

/**
 * Start tags that end an open element of these names when it is the current one (the subset
 * of HTML's implied end tags that matters for text; table parts are handled with the tables).
 */
const P_ONLY = new Set(["p"]);
const IMPLIED_CLOSE = new Map<string, Set<string>>([
  ["li", new Set(["li", "p"])],
  ["dd", new Set(["dd", "dt", "p"])],
  ["dt", new Set(["dd", "dt", "p"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "center", "details", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map(
    (name): [string, Set<string>] => [name, P_ONLY],
  ),
]);

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
  openRows: number;
  hasNestedTable: boolean;
}

type Role = "skip" | "chrome" | "table" | "row" | "cell" | "block" | "inline";

const newSink = (): Sink => ({ lines: [], tables: [], buffer: "", containsTable: false });

/**
 * Reads HTML from the tokens of htmlparser2's tokenizer, keeping its own element stack instead
 * of building a DOM: a 20 MB page's DOM costs several hundred MB, and both parse5's tree
 * building and htmlparser2's Parser (array shift/unshift per tag) grow quadratic with nesting
 * depth. Every step here is amortised O(1) per tag. Tables are buffered cell by cell until they
 * close, then either become a Grid with one tab-joined line per row, or (when they only lay out
 * the page: nested tables or long text in cells) give their cells' lines back in reading order.
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

  /** How many elements of each name are open, so a stray end tag is ignored in O(1). */
  const openCount = new Map<string, number>();
  const push = (name: string, role: Role) => {
    open.push({ name, role });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const element = open.pop()!;
    openCount.set(element.name, openCount.get(element.name)! - 1);
    closeElement(element);
    return element;
  };
  /** Closes elements down to and including the nearest one with this role. */
  const closeThrough = (role: Role) => {
    while (open.length > 0 && pop().role !== role);
  };

  const onOpen = (name: string, attribs: Record<string, string>) => {
    if (skipDepth > 0 || SKIPPED.has(name)) {
      skipDepth++;
      push(name, "skip");
      return;
    }
    const implied = IMPLIED_CLOSE.get(name);
    while (implied && open.length > 0 && implied.has(open[open.length - 1].name)) pop();
    let table = tables[tables.length - 1];
    if (table && (name === "tr" || name === "tbody" || name === "thead" || name === "tfoot")) {
      if (table.openCells > 0) closeThrough("cell");
      if (table.openRows > 0) closeThrough("row");
      table = tables[tables.length - 1];
    } else if (table && (name === "td" || name === "th") && table.openCells > 0) {
      closeThrough("cell");
      table = tables[tables.length - 1];
    }
    if (name === "table") {
      flush();
      if (table && table.openCells > 0) table.hasNestedTable = true;
      tables.push({ rows: [], row: null, openCells: 0, openRows: 0, hasNestedTable: false });
      push(name, "table");
      return;
    }
    if (name === "tr" && table) {
      flush();
      table.row = [];
      table.rows.push(table.row);
      table.openRows++;
      push(name, "row");
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
      push(name, "cell");
      return;
    }
    if (isChrome(name, attribs)) {
      flush();
      sinks.push(newSink());
      push(name, "chrome");
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    push(name, block ? "block" : "inline");
  };

  const onClose = (name: string) => {
    if (!openCount.get(name)) {
      // </p> without an open <p> is an empty paragraph; </br> a line break (as browsers do).
      if (name === "p" || name === "br") flush();
      return;
    }
    while (open.length > 0 && pop().name !== name);
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
        // Kept when it turns out to hold the report: a table, or paragraph-long lines (menus and
        // footers are short lines).
        if (captured.containsTable || captured.lines.some((line) => line.length > 200)) mergeInto(sink(), captured);
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
        if (table) {
          table.row = null;
          table.openRows--;
        }
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

  tokenize(html, { open: onOpen, close: onClose, text: (t) => skipDepth === 0 && (sink().buffer += t) });
  while (open.length > 0) pop();
  while (sinks.length > 1) mergeInto(sinks[sinks.length - 2], sinks.pop()!);
  flush();
  return { kind: "html", text: root.lines.join("\n"), tables: root.tables, warnings };
}

interface TokenHandlers {
  open(name: string, attribs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Start tags (with attributes, entities decoded), end tags and text from htmlparser2's tokenizer. */
function tokenize(html: string, on: TokenHandlers): void {
  let tagName = "";
  let attribs: Record<string, string> = {};
  let attribName = "";
  let attribValue = "";
  const endStartTag = () => {
    const name = tagName;
    if (!name) return;
    tagName = "";
    on.open(name, attribs);
    if (VOID.has(name)) on.close(name);
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attribs = {};
      },
      onattribname(start, end) {
        attribName = html.slice(start, end).toLowerCase();
        attribValue = "";
      },
      onattribdata(start, end) {
        attribValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!(attribName in attribs)) attribs[attribName] = attribValue;
      },
      onopentagend: endStartTag,
      onselfclosingtag: endStartTag,
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (VOID.has(name)) {
          if (name === "br") on.close("br");
          return;
        }
        on.close(name);
      },
      ontext(start, end) {
        on.text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        on.text(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
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
