import { joinCellPieces, layoutSpannedRows } from "./grid";
import type { ExtractedDocument, Grid } from "./types";

/** Plain text: line endings normalised, NULs and a stray BOM removed, otherwise as written. */
export function normalizeTextContent(text: string): string {
  return text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
}

export function readPlainText(text: string, warnings: string[]): ExtractedDocument {
  return { kind: "text", text: normalizeTextContent(text), tables: [], warnings };
}

/**
 * Markdown keeps its text as is (the table parser reads pipe rows as lines too); each pipe table
 * is also offered as a Grid. OCR converters split one report table into many small ones, so
 * tables are not merged here.
 */
export function readMarkdown(text: string, warnings: string[]): ExtractedDocument {
  const normalized = normalizeTextContent(text);
  return { kind: "markdown", text: normalized, tables: markdownTables(normalized), warnings };
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function markdownTables(text: string): Grid[] {
  const tables: Grid[] = [];
  let block: string[] = [];
  const close = () => {
    const rows = block.filter((line) => !DELIMITER_ROW.test(line)).map(splitPipeRow);
    if (rows.length > 0 && block.some((line) => DELIMITER_ROW.test(line))) {
      const grid = layoutSpannedRows(rows.map((cells) => cells.map((text) => ({ text, rowSpan: 1, colSpan: 1 }))));
      if (grid) tables.push(grid);
    }
    block = [];
  };
  for (const line of text.split("\n")) {
    if (PIPE_ROW.test(line)) block.push(line);
    else if (block.length > 0) close();
  }
  if (block.length > 0) close();
  return tables;
}

function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner
    .split(/(?<!\\)\|/)
    .map((cell) => joinCellPieces(cell.replace(/\\\|/g, "|").split(/<br\s*\/?>/i)));
}
