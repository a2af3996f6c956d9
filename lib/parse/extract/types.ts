/**
 * What every document reader (docx, html, pdf, doc, text) hands to the table parser and the
 * metadata reader. Readers never interpret numbers; they only recover text and table structure.
 */

export type SourceKind = "text" | "markdown" | "html" | "docx" | "pdf" | "doc";

/** One slot of a table with merged cells resolved into a full rectangle. */
export interface GridCell {
  /** Cell text, whitespace collapsed, &nbsp; and full-width spaces trimmed; "" when blank. */
  text: string;
  /** False for the slots a rowspan/colspan (vMerge/gridSpan) cell covers beyond its first. */
  origin: boolean;
  /** Span of the originating cell (1 when not merged). */
  rowSpan: number;
  colSpan: number;
}

/** A table as a rectangular grid: grid[row][col]; covered slots repeat the origin's text. */
export type Grid = GridCell[][];

export interface ExtractedDocument {
  kind: SourceKind;
  /**
   * The document in reading order: one paragraph (or PDF text line) per line. Tables appear in
   * place as one line per row with cells joined by "\t" (origin cells only), so text-only
   * layouts and the narrative are both available.
   */
  text: string;
  /** Real tables found in the document (HTML <table>, Word <w:tbl>), in document order. */
  tables: Grid[];
  /** Non-fatal things a reader noticed (e.g. "decoded as GB18030"). */
  warnings: string[];
}

export type ExtractErrorCode =
  | "empty_file"
  | "unsupported_type"
  | "corrupt_file"
  | "encrypted_file"
  | "no_text_layer"
  | "too_large";

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExtractError";
  }
}
