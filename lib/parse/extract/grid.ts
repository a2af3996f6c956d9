import type { Grid, GridCell } from "./types";

/** A cell as a document states it, before merged cells are resolved into the rectangle. */
export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Guards against documents whose spans would make an enormous grid (colspan="1000" on every
 * row): beyond this many slots the grid is not built and the caller keeps only the text.
 */
export const MAX_GRID_SLOTS = 500_000;
export const MAX_SPAN = 1000;

interface Origin {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Lays out rows of HTML-style cells (rowspan/colspan; a rowspan reaching past the last row is
 * clipped) into a rectangle. Returns null when the grid would exceed MAX_GRID_SLOTS.
 */
export function layoutSpannedRows(rows: SourceCell[][]): Grid | null {
  const occupied: Array<Array<Origin | undefined>> = [];
  const origins: Origin[] = [];
  const rowCount = rows.length;
  let width = 0;
  for (let r = 0; r < rowCount; r++) {
    occupied[r] ??= [];
    let col = 0;
    for (const cell of rows[r]) {
      while (occupied[r][col] !== undefined) col++;
      const colSpan = clampSpan(cell.colSpan);
      const rowSpan = Math.min(clampSpan(cell.rowSpan), rowCount - r);
      if ((col + colSpan) * rowCount > MAX_GRID_SLOTS) return null;
      const origin: Origin = { text: cell.text, row: r, col, rowSpan, colSpan };
      origins.push(origin);
      for (let dr = 0; dr < rowSpan; dr++) {
        const line = (occupied[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) {
          // An overlapping span (malformed markup) keeps the earlier cell, as browsers do.
          if (line[col + dc] === undefined) line[col + dc] = origin;
        }
      }
      col += colSpan;
      width = Math.max(width, col);
    }
    width = Math.max(width, occupied[r].length);
  }
  return toGrid(occupied, rowCount, width);
}

/** A Word table cell: horizontal span from w:gridSpan, vertical merge state from w:vMerge. */
export interface WordCell {
  text: string;
  gridSpan: number;
  vMerge: "restart" | "continue" | null;
}

export interface WordRow {
  gridBefore: number;
  cells: WordCell[];
}

/**
 * Lays out Word table rows: a vMerge "continue" cell extends the cell above it in the same grid
 * column (its own text, normally empty, is dropped as Word does when displaying the merge).
 */
export function layoutWordRows(rows: WordRow[]): Grid | null {
  const occupied: Array<Array<Origin | undefined>> = [];
  const rowCount = rows.length;
  let width = 0;
  for (let r = 0; r < rowCount; r++) {
    const line: Array<Origin | undefined> = (occupied[r] = []);
    let col = clampSpan(rows[r].gridBefore, 0);
    for (const cell of rows[r].cells) {
      const colSpan = clampSpan(cell.gridSpan);
      if ((col + colSpan) * rowCount > MAX_GRID_SLOTS) return null;
      const above = r > 0 ? occupied[r - 1][col] : undefined;
      if (cell.vMerge === "continue" && above && above.col === col) {
        above.rowSpan = r - above.row + 1;
        for (let dc = 0; dc < above.colSpan; dc++) line[col + dc] = above;
        col += Math.max(colSpan, above.colSpan);
      } else {
        const origin: Origin = { text: cell.text, row: r, col, rowSpan: 1, colSpan };
        for (let dc = 0; dc < colSpan; dc++) line[col + dc] = origin;
        col += colSpan;
      }
    }
    width = Math.max(width, col);
  }
  return toGrid(occupied, rowCount, width);
}

function toGrid(occupied: Array<Array<Origin | undefined>>, rowCount: number, width: number): Grid {
  const grid: Grid = [];
  for (let r = 0; r < rowCount; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const origin = occupied[r]?.[c];
      if (!origin) {
        // A short row: pad with blank slots so every row has the same width.
        row.push({ text: "", origin: true, rowSpan: 1, colSpan: 1 });
      } else {
        row.push({
          text: origin.text,
          origin: origin.row === r && origin.col === c,
          rowSpan: origin.rowSpan,
          colSpan: origin.colSpan,
        });
      }
    }
    grid.push(row);
  }
  return grid;
}

function clampSpan(value: number, min = 1): number {
  if (!Number.isFinite(value)) return min;
  return Math.max(min, Math.min(MAX_SPAN, Math.floor(value)));
}

/** Whitespace the documents use for blanks and indentation: NBSP, full-width space, zero-width. */
const SPACE_CLASS = "[\\s\\u00a0\\u3000\\u200b\\u2002-\\u200a\\u202f\\u205f\\ufeff]";
const SPACES = new RegExp(`${SPACE_CLASS}+`, "g");
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, "g");

/**
 * Collapses whitespace (including &nbsp; and the full-width space) to single spaces and trims;
 * spaces between two Chinese characters are layout noise (`商 业 企 业`) and are dropped.
 */
export function normalizeCellText(raw: string): string {
  return raw.replace(SPACES, " ").trim().replace(SPACE_BETWEEN_CJK, "$1");
}

/** Collapses whitespace within a line of running text (keeps tabs out: callers add them). */
export function normalizeLine(raw: string): string {
  return raw.replace(SPACES, " ").trim();
}

/**
 * Joins the pieces of one cell that a document split over lines (<br>, several paragraphs):
 * Chinese labels run on without a separator; two Latin letters/digits meeting get a space.
 */
export function joinCellPieces(pieces: string[]): string {
  let out = "";
  for (const piece of pieces) {
    const p = normalizeCellText(piece);
    if (!p) continue;
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p)) out += " ";
    out += p;
  }
  return out;
}
