import * as cheerio from "cheerio";
import { joinCellPieces, layoutSpannedRows, normalizeLine, type SourceCell } from "./grid";
import type { ExtractedDocument, Grid } from "./types";

/**
 * Structural view of the DOM cheerio builds (domhandler nodes); declared here so this module
 * does not depend on cheerio's transitive packages.
 */
interface DomNode {
  type: string;
  parent: DomNode | null;
}
interface DomText extends DomNode {
  data: string;
}
interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

const isElement = (n: DomNode): n is DomElement =>
  n.type === "tag" || n.type === "script" || n.type === "style";
const isText = (n: DomNode): n is DomText => n.type === "text";

/** Never content: code, forms, embedded media and the document head. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
  "title", "meta", "link", "select", "option", "button", "input", "textarea", "audio", "video", "map",
  "nav",
]);

/** Elements that start and end a line of reading-order text. */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
  "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br", "o:p",
]);

/**
 * Site chrome (menus, footers, share bars) by class/id token. Removed only when it holds no
 * table, so a report that a site happens to wrap in class="footer-content" still survives.
 */
const CHROME_TOKEN =
  /(^|[\s_-])(nav|navbar|menu|footer|foot|breadcrumb|crumb|share|sitemap|topbar|header-nav|friendlink|links?)([\s_-]|$)/i;

/** A table whose cells hold this much text is a page layout wrapper, not a data table. */
const LAYOUT_CELL_CHARS = 400;

export function readHtml(html: string, warnings: string[] = []): ExtractedDocument {
  // htmlparser2 rather than parse5: parse5's tree building is quadratic in nesting depth
  // (10,000 nested <div>s take ~0.7 s) and its DOM is heavier; htmlparser2 still closes
  // implied </td>, </tr> and </p> the way government pages rely on.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  const root = $.root()[0] as unknown as DomNode;
  const containsTable = findTableAncestors(root);
  const lines: string[] = [];
  const tables: Grid[] = [];
  let buffer = "";
  const flush = () => {
    const line = normalizeLine(buffer);
    if (line) lines.push(line);
    buffer = "";
  };

  // Iterative walk (a page nested 10,000 levels deep must not exhaust the call stack).
  type Step = { node: DomNode; exit: boolean };
  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      buffer += node.data;
      continue;
    }
    const children = (node as Partial<DomElement>).children;
    if (!isElement(node)) {
      if (node.type === "root" && children) pushChildren(stack, children);
      continue;
    }
    const name = node.name.toLowerCase();
    if (exit) {
      if (BLOCKS.has(name)) flush();
      continue;
    }
    if (SKIPPED.has(name)) continue;
    if (!containsTable.has(node) && isChrome(node)) continue;
    if (BLOCKS.has(name)) flush();
    if (name === "table" && !containsTable.has(node)) {
      const rows = tableRows(node);
      if (!isLayoutTable(rows)) {
        for (const row of rows) {
          const line = row.map((c) => c.text).join("\t");
          if (line.trim()) lines.push(line);
        }
        const grid = layoutSpannedRows(rows);
        if (grid) tables.push(grid);
        else warnings.push("a table was too large to lay out as a grid; its rows are kept as text");
        continue;
      }
    }
    stack.push({ node, exit: true });
    pushChildren(stack, node.children);
  }
  flush();
  return { kind: "html", text: lines.join("\n"), tables, warnings };
}

function pushChildren(stack: Array<{ node: DomNode; exit: boolean }>, children: DomNode[]) {
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
}

function isChrome(el: DomElement): boolean {
  const name = el.name.toLowerCase();
  if (name === "footer" || name === "aside") return true;
  const cls = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  return cls.trim() !== "" && CHROME_TOKEN.test(cls);
}

/** Every element with a <table> somewhere below it, found in one post-order pass. */
function findTableAncestors(root: DomNode): Set<DomNode> {
  const result = new Set<DomNode>();
  const stack: Array<{ node: DomNode; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    const children = (node as Partial<DomElement>).children;
    if (!children) continue;
    if (exit) {
      for (const child of children) {
        if (result.has(child) || (isElement(child) && child.name.toLowerCase() === "table")) {
          result.add(node);
          break;
        }
      }
      continue;
    }
    stack.push({ node, exit: true });
    for (const child of children) stack.push({ node: child, exit: false });
  }
  return result;
}

/** The rows of this table (not of tables nested in it), cells with their spans and text. */
function tableRows(table: DomElement): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const visit = (parent: DomElement) => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      const name = child.name.toLowerCase();
      if (name === "tr") rows.push(rowCells(child));
      else if (name === "thead" || name === "tbody" || name === "tfoot") visit(child);
    }
  };
  visit(table);
  return rows;
}

function rowCells(tr: DomElement): SourceCell[] {
  const cells: SourceCell[] = [];
  for (const child of tr.children) {
    if (!isElement(child)) continue;
    const name = child.name.toLowerCase();
    if (name !== "td" && name !== "th") continue;
    cells.push({
      text: cellText(child),
      rowSpan: spanAttr(child.attribs.rowspan),
      colSpan: spanAttr(child.attribs.colspan),
    });
  }
  return cells;
}

function spanAttr(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  // rowspan="0" means "to the end of the table"; the grid layout clips it to the rows left.
  if (n === 0) return Number.MAX_SAFE_INTEGER;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/**
 * A cell's text: pieces split at <br> and block boundaries, joined without separator (a header
 * like 申请人<br/>情况 is one label), whitespace and &nbsp; collapsed.
 */
function cellText(cell: DomElement): string {
  const pieces: string[] = [];
  let current = "";
  const stack: Array<{ node: DomNode; exit: boolean }> = [];
  pushChildren(stack, cell.children);
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      current += node.data;
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) continue;
    const block = BLOCKS.has(name);
    if (block) {
      pieces.push(current);
      current = "";
    }
    if (!exit && node.children.length > 0) {
      stack.push({ node, exit: true });
      pushChildren(stack, node.children);
    }
  }
  pieces.push(current);
  return joinCellPieces(pieces);
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
