import { SaxesParser } from "saxes";
import { layoutWordRows, joinCellPieces, type WordCell, type WordRow } from "./grid";
import type { ExtractedDocument, Grid } from "./types";

/**
 * Reads word/document.xml as a stream of SAX events (the XML is never held whole), turning
 * paragraphs into lines and <w:tbl> into grids with exact w:gridSpan / w:vMerge.
 */
export class DocxBodyReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private readonly decoder = new TextDecoder("utf-8");
  private readonly lines: string[] = [];
  private readonly tables: Array<Grid | null> = [];
  /** Local names of the open elements, to know where a w:tab or w:t sits. */
  private readonly path: string[] = [];
  private readonly paragraphs: string[] = [];
  private readonly tableStack: TableState[] = [];
  /** Depth inside content that is not shown: deleted text, field codes, fallback copies. */
  private hiddenDepth = 0;
  private inText = false;
  readonly warnings: string[] = [];
  /**
   * <w:altChunk r:id> parts (HTML or MHT imported whole, as some HTML-to-Word tools write
   * documents) with where they sit: the caller reads them and splices their content in.
   */
  readonly altChunks: Array<{ id: string; line: number; table: number }> = [];

  constructor() {
    this.parser.on("opentag", (tag) => this.open(localName(tag.name), tag.attributes as Record<string, string>));
    this.parser.on("closetag", (tag) => this.close(localName(tag.name)));
    this.parser.on("text", (text) => {
      if (this.inText && this.hiddenDepth === 0 && this.paragraphs.length > 0) {
        this.paragraphs[this.paragraphs.length - 1] += text;
      }
    });
  }

  write(chunk: Uint8Array): void {
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
  }

  /**
   * The document, with each resolvable altChunk's lines and tables put where it stood;
   * `chunk(id)` returns the chunk's own extraction or null when it cannot be read.
   */
  finish(chunk: (id: string) => { lines: string[]; tables: Grid[] } | null = () => null): ExtractedDocument {
    this.parser.write(this.decoder.decode());
    this.parser.close();
    const lines = [...this.lines];
    const tables = [...this.tables];
    for (const alt of [...this.altChunks].reverse()) {
      const content = chunk(alt.id);
      if (!content) {
        this.warnings.push(`an embedded chunk (${alt.id}) could not be read`);
        continue;
      }
      lines.splice(alt.line, 0, ...content.lines);
      tables.splice(alt.table, 0, ...content.tables);
    }
    return {
      kind: "docx",
      text: lines.join("\n"),
      tables: tables.filter((t): t is Grid => t !== null),
      warnings: this.warnings,
    };
  }

  private open(name: string, attrs: Record<string, string>): void {
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    if (this.hiddenDepth > 0 || HIDDEN.has(name)) {
      this.hiddenDepth++;
      return;
    }
    const table = this.tableStack[this.tableStack.length - 1];
    switch (name) {
      case "p":
        this.paragraphs.push("");
        break;
      case "t":
        this.inText = true;
        break;
      case "tab":
        if (parent === "r") this.append("\t");
        break;
      case "br":
      case "cr":
        if (parent === "r" && attrs["w:type"] !== "page" && attrs["w:type"] !== "column") this.append("\n");
        break;
      case "noBreakHyphen":
        this.append("-");
        break;
      case "altChunk": {
        const id = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1];
        if (id) this.altChunks.push({ id, line: this.lines.length, table: this.tables.length });
        break;
      }
      case "tbl":
        this.tableStack.push({ rows: [], row: null, cell: null, slot: this.tables.length });
        this.tables.push(null);
        break;
      case "tr":
        if (table) table.row = { gridBefore: 0, cells: [] };
        break;
      case "gridBefore":
        if (table?.row && parent === "trPr") table.row.gridBefore = intAttr(attrs, 0);
        break;
      case "tc":
        if (table) table.cell = { text: "", gridSpan: 1, vMerge: null, pieces: [], hMergeContinue: false };
        break;
      case "gridSpan":
        if (table?.cell && parent === "tcPr") table.cell.gridSpan = intAttr(attrs, 1);
        break;
      case "vMerge":
        if (table?.cell && parent === "tcPr") {
          // <w:vMerge/> without a value continues the merge; only "restart" starts one.
          table.cell.vMerge = attrs["w:val"] === "restart" ? "restart" : "continue";
        }
        break;
      case "hMerge":
        if (table?.cell && parent === "tcPr") table.cell.hMergeContinue = attrs["w:val"] !== "restart";
        break;
    }
  }

  private close(name: string): void {
    this.path.pop();
    if (this.hiddenDepth > 0) {
      this.hiddenDepth--;
      return;
    }
    const table = this.tableStack[this.tableStack.length - 1];
    switch (name) {
      case "t":
        this.inText = false;
        break;
      case "p": {
        const text = this.paragraphs.pop() ?? "";
        if (table?.cell) table.cell.pieces.push(...text.split("\n"));
        else for (const line of text.split("\n")) this.emit(line);
        break;
      }
      case "tc":
        if (table?.row && table.cell) {
          const cell = table.cell;
          cell.text = joinCellPieces(cell.pieces.map((p) => p.replace(/\t/g, " ")));
          const previous = table.row.cells[table.row.cells.length - 1];
          // Legacy horizontal merge: widen the cell on the left instead of adding one.
          if (cell.hMergeContinue && previous) previous.gridSpan += cell.gridSpan;
          else table.row.cells.push({ text: cell.text, gridSpan: cell.gridSpan, vMerge: cell.vMerge });
        }
        if (table) table.cell = null;
        break;
      case "tr":
        if (table?.row) {
          const row = table.row;
          table.rows.push(row);
          const line = row.cells
            .filter((c) => c.vMerge !== "continue")
            .map((c) => c.text)
            .join("\t");
          if (line.trim()) this.lines.push(line);
        }
        if (table) table.row = null;
        break;
      case "tbl": {
        const done = this.tableStack.pop();
        if (done) {
          const grid = layoutWordRows(done.rows);
          if (!grid) this.warnings.push("a table was too large to lay out as a grid; its rows are kept as text");
          this.tables[done.slot] = grid;
        }
        break;
      }
    }
  }

  private append(text: string): void {
    if (this.paragraphs.length > 0) this.paragraphs[this.paragraphs.length - 1] += text;
  }

  private emit(raw: string): void {
    const line = raw.replace(/[ \u00a0\u3000\u200b\r\n]+/g, " ").replace(/ *\t */g, "\t").trim();
    if (line) this.lines.push(line);
  }
}

interface CellState extends WordCell {
  pieces: string[];
  hMergeContinue: boolean;
}

interface TableState {
  rows: WordRow[];
  row: WordRow | null;
  cell: CellState | null;
  /** Index reserved in the tables list when the table opened, so outer tables come first. */
  slot: number;
}

/**
 * Elements whose text Word does not show: tracked deletions, field instructions, the VML copy
 * of a text box (mc:Fallback repeats mc:Choice), and properties.
 */
const HIDDEN = new Set(["delText", "instrText", "Fallback", "rPr", "pPr", "sectPr", "footnoteReference", "commentReference"]);

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

function intAttr(attrs: Record<string, string>, fallback: number): number {
  const n = Number.parseInt(attrs["w:val"] ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
}
