import { joinCellPieces, layoutWordRows, type WordRow } from "./grid";
import type { ExtractedDocument, Grid } from "./types";

/**
 * RTF (Word/WPS "rich text", sometimes served as .doc): paragraphs become lines, tables
 * (\trowd … \cell … \row) become tab-joined row lines and Grids, with cell widths from \cellx
 * giving the column spans and \clvmgf/\clvmrg the vertical merges.
 */
export function readRtf(bytes: Uint8Array): ExtractedDocument {
  const source = new TextDecoder("latin1").decode(bytes);
  const reader = new RtfReader(source);
  return reader.read();
}

/** Groups whose content is never shown text. */
const SKIPPED_DESTINATIONS = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "footer", "headerl",
  "headerr", "headerf", "footerl", "footerr", "footerf", "footnote", "annotation", "themedata",
  "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl",
  "generator", "fldinst", "bkmkstart", "bkmkend", "pgdsctbl", "mmathPr", "shp", "shpinst", "nonshppict",
  "xe", "tc", "atnid", "atnauthor", "revtbl", "filetbl", "docvar", "userprops", "pntxta", "pntxtb", "blipuid",
  "wgrffmtfilter", "fldtype", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc",
]);

const SYMBOLS: Record<string, string> = {
  emdash: "—", endash: "–", lquote: "‘", rquote: "’", ldblquote: "“", rdblquote: "”", bullet: "•",
  emspace: " ", enspace: " ", qmspace: " ",
};

interface GroupState {
  skip: boolean;
  /** Characters that stand in for the last \uN (its ANSI fallback), per \ucN. */
  uc: number;
}

interface RowCellDef {
  right: number;
  vMerge: "restart" | "continue" | null;
  hMergeContinue: boolean;
}

interface PlacedCell {
  text: string;
  left: number;
  right: number;
  vMerge: "restart" | "continue" | null;
}

class RtfReader {
  private readonly lines: string[] = [];
  private readonly tables: Grid[] = [];
  private state: GroupState = { skip: false, uc: 1 };
  private readonly stack: GroupState[] = [];
  private paragraph = "";
  private pendingBytes: number[] = [];
  private skipFallback = 0;
  private codepage = "windows-1252";
  private inTable = false;
  private cellPieces: string[] = [];
  private rowCells: string[] = [];
  private rowDef: RowCellDef[] = [];
  private rowLeft = 0;
  private pendingVMerge: RowCellDef["vMerge"] = null;
  private pendingHMerge = false;
  private tableRows: PlacedCell[][] = [];

  constructor(private readonly source: string) {
    const ansi = /\\ansicpg(\d+)/.exec(source.slice(0, 2000))?.[1];
    if (ansi === "936" || (!ansi && /\\fcharset134/.test(source.slice(0, 20000)))) this.codepage = "gb18030";
    else if (ansi === "950" || /\\fcharset136/.test(source.slice(0, 20000))) this.codepage = "big5";
    else if (ansi) this.codepage = `windows-${ansi}`;
    try {
      new TextDecoder(this.codepage);
    } catch {
      this.codepage = "windows-1252";
    }
  }

  read(): ExtractedDocument {
    const s = this.source;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x7b /* { */) {
        this.flushBytes();
        this.stack.push(this.state);
        this.state = { ...this.state };
        this.skipFallback = 0;
        i++;
        // {\*\dest …}: an optional destination, skipped unless we know it as text.
        if (s.startsWith("\\*", i)) {
          const word = /^\\\*\s*\\([a-zA-Z]+)/.exec(s.slice(i, i + 40))?.[1] ?? "";
          if (word !== "fldrslt" && word !== "listtext" && word !== "pntext") this.state.skip = true;
          i += 2;
        }
        continue;
      }
      if (c === 0x7d /* } */) {
        this.flushBytes();
        this.state = this.stack.pop() ?? { skip: false, uc: 1 };
        this.skipFallback = 0;
        i++;
        continue;
      }
      if (c === 0x5c /* \ */) {
        i = this.controlAt(i);
        continue;
      }
      if (c === 0x0d || c === 0x0a) {
        i++;
        continue;
      }
      if (this.skipFallback > 0) {
        this.skipFallback--;
        i++;
        continue;
      }
      this.flushBytes();
      if (!this.state.skip) this.paragraph += s[i];
      i++;
    }
    this.flushBytes();
    this.endParagraph();
    this.endTable();
    return { kind: "doc", text: this.lines.join("\n"), tables: this.tables, warnings: [] };
  }

  /** Handles the control word or symbol at s[i] (a backslash); returns the index after it. */
  private controlAt(i: number): number {
    const s = this.source;
    const next = s[i + 1];
    if (next === "'") {
      const hex = s.slice(i + 2, i + 4);
      if (this.skipFallback > 0) this.skipFallback--;
      else if (!this.state.skip && /^[0-9a-fA-F]{2}$/.test(hex)) this.pendingBytes.push(Number.parseInt(hex, 16));
      return i + 4;
    }
    if (next === undefined) return i + 1;
    if (!/[a-zA-Z]/.test(next)) {
      this.flushBytes();
      if (!this.state.skip) {
        if (next === "\\" || next === "{" || next === "}") this.paragraph += next;
        else if (next === "~") this.paragraph += " ";
        else if (next === "_") this.paragraph += "-";
        else if (next === "\n" || next === "\r") this.endParagraph();
      }
      return i + 2;
    }
    const match = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(s.slice(i + 1, i + 48))!;
    const word = match[1];
    const param = match[2] === undefined ? null : Number(match[2]);
    const end = i + 1 + match[0].length;
    if (word === "u" && param !== null) {
      this.flushBytes();
      if (!this.state.skip) this.paragraph += String.fromCharCode(param < 0 ? param + 65536 : param);
      this.skipFallback = this.state.uc;
      return end;
    }
    this.flushBytes();
    this.skipFallback = 0;
    this.control(word, param);
    return end;
  }

  private control(word: string, param: number | null): void {
    if (SKIPPED_DESTINATIONS.has(word)) {
      this.state.skip = true;
      return;
    }
    switch (word) {
      case "uc":
        this.state.uc = param ?? 1;
        return;
      case "trowd":
        this.rowDef = [];
        this.rowLeft = 0;
        return;
      case "trleft":
        this.rowLeft = param ?? 0;
        return;
      case "clvmgf":
        this.pendingVMerge = "restart";
        return;
      case "clvmrg":
        this.pendingVMerge = "continue";
        return;
      case "clmrg":
        this.pendingHMerge = true;
        return;
      case "cellx":
        this.rowDef.push({ right: param ?? 0, vMerge: this.pendingVMerge, hMergeContinue: this.pendingHMerge });
        this.pendingVMerge = null;
        this.pendingHMerge = false;
        return;
      case "intbl":
        this.inTable = true;
        return;
      case "pard":
        this.inTable = false;
        return;
    }
    if (this.state.skip) return;
    switch (word) {
      case "par":
      case "sect":
      case "page":
        this.endParagraph();
        return;
      case "line":
        if (this.inTable) {
          this.cellPieces.push(this.paragraph);
          this.paragraph = "";
        } else this.endParagraph();
        return;
      case "tab":
        this.paragraph += "\t";
        return;
      case "cell":
      case "nestcell":
        this.cellPieces.push(this.paragraph);
        this.paragraph = "";
        this.rowCells.push(joinCellPieces(this.cellPieces.map((p) => p.replace(/\t/g, " "))));
        this.cellPieces = [];
        return;
      case "row":
      case "nestrow":
        this.endRow();
        return;
    }
    const symbol = SYMBOLS[word];
    if (symbol) this.paragraph += symbol;
  }

  private flushBytes(): void {
    if (this.pendingBytes.length === 0) return;
    const text = new TextDecoder(this.codepage).decode(new Uint8Array(this.pendingBytes));
    this.pendingBytes = [];
    if (!this.state.skip) this.paragraph += text;
  }

  private endParagraph(): void {
    if (this.inTable) {
      this.cellPieces.push(this.paragraph);
      this.paragraph = "";
      return;
    }
    this.endTable();
    const line = this.paragraph.replace(/[ \u00a0\u3000\r\n]+/g, " ").replace(/ *\t */g, "\t").trim();
    if (line) this.lines.push(line);
    this.paragraph = "";
  }

  private endRow(): void {
    const placed: PlacedCell[] = [];
    let left = this.rowLeft;
    this.rowCells.forEach((text, k) => {
      const def = this.rowDef[k] ?? { right: left + 1000, vMerge: null, hMergeContinue: false };
      const previous = placed[placed.length - 1];
      if (def.hMergeContinue && previous) previous.right = def.right;
      else placed.push({ text, left, right: def.right, vMerge: def.vMerge });
      left = def.right;
    });
    this.tableRows.push(placed);
    const line = placed
      .filter((c) => c.vMerge !== "continue")
      .map((c) => c.text)
      .join("\t");
    if (line.trim()) this.lines.push(line);
    this.rowCells = [];
    this.cellPieces = [];
    this.paragraph = "";
  }

  private endTable(): void {
    if (this.tableRows.length === 0) return;
    const edges = [...new Set(this.tableRows.flatMap((row) => row.flatMap((c) => [c.left, c.right])))].sort((a, b) => a - b);
    const index = (x: number) => edges.indexOf(x);
    const rows: WordRow[] = this.tableRows.map((row) => ({
      gridBefore: row.length > 0 ? index(row[0].left) : 0,
      cells: row.map((c) => ({ text: c.text, gridSpan: Math.max(1, index(c.right) - index(c.left)), vMerge: c.vMerge })),
    }));
    const grid = layoutWordRows(rows);
    if (grid) this.tables.push(grid);
    this.tableRows = [];
  }
}
