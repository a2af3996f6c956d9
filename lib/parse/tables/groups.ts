/**
 * Groups a token stream into "label, then its numbers" pieces. In a real table a row ends at
 * its last cell; in text layouts numbers run on until the next label (one cell per line, or
 * numbers on their own line after a wrapped label).
 */
import { normalizeLabel } from "./normalize";
import type { Token, ValueToken } from "./tokens";

export interface Group {
  /** Normalised text of every label piece since the previous numbers. */
  label: string;
  /**
   * Where each printed label piece (cell, line) starts in `label`: a word that names a row only
   * when it is a whole cell (其他, 总计) is matched against the pieces.
   */
  pieceStarts: number[];
  values: ValueToken[];
}

const SENTENCE_GOES_ON = /^\s*(?:[件条个项次笔人份家起宗]|人次)?\s*[,，;；。:：]/;

/**
 * Whether a row of cells without a label carries on the row before it: as many cells, the
 * earlier row's numbers all left of the later row's, each printed once.
 */
function continuesRow(earlier: readonly ValueToken[], later: readonly ValueToken[]): boolean {
  if (earlier.length !== later.length || earlier.length < 3) return false;
  const lastEarlier = earlier.findLastIndex((v) => v.t === "num");
  const firstLater = later.findIndex((v) => v.t === "num");
  if (lastEarlier < 0 || firstLater < 0 || lastEarlier >= firstLater) return false;
  return earlier.every((v, i) => v.t === "blank" || later[i].t === "blank") && earlier.slice(lastEarlier + 1).every((v) => v.t === "blank") && later.slice(0, firstLater).every((v) => v.t === "blank");
}

export function makeGroups(tokens: readonly Token[], rowsEndAtLineEnd: boolean): Group[] {
  const groups: Group[] = [];
  let label: string[] = [];
  let values: ValueToken[] = [];
  const flush = () => {
    // normalizeLabel works character by character, so pieces normalised one by one join into the label.
    const pieces = label.map(normalizeLabel);
    const pieceStarts: number[] = [];
    let at = 0;
    for (const p of pieces) {
      if (p) pieceStarts.push(at);
      at += p.length;
    }
    const prev = groups[groups.length - 1];
    const padded: ValueToken[] = [...Array.from({ length: leadingBlanks }, () => ({ t: "blank" as const, raw: "" })), ...values];
    if (rowsEndAtLineEnd && pieces.join("") === "" && prev && continuesRow(prev.values, padded)) {
      // A table row whose numbers were typed on two rows under one merged label (Word): the
      // second row fills the first one's empty cells.
      prev.values = prev.values.map((v, i) => (v.t === "blank" ? padded[i] : v));
      label = [];
      values = [];
      return;
    }
    groups.push({ label: pieces.join(""), pieceStarts, values });
    label = [];
    values = [];
  };
  let rowHasText = false;
  // Empty cells dropped at the start of the current table row (padding left of its label).
  let leadingBlanks = 0;
  for (const t of tokens) {
    if (t.t === "eol") {
      if (values.length > 0) flush();
      rowHasText = false;
      leadingBlanks = 0;
      continue;
    }
    if (t.t === "text") {
      // Numbers a sentence goes on after (95件，其中…; 0 件。) are the narrative's, not cells: the
      // words run on as label text.
      if (values.length > 0 && SENTENCE_GOES_ON.test(t.s) && values.some((v) => v.t === "num")) values = [];
      // Empty cells after a label with no number are padding: the label continues.
      if (values.length > 0 && values.every((v) => v.t === "blank" && v.soft)) values = [];
      if (values.length > 0) flush();
      label.push(t.s);
      rowHasText = true;
      continue;
    }
    // Empty cells to the left of a row's label are layout padding, not values.
    if (rowsEndAtLineEnd && t.t === "blank" && !rowHasText && values.length === 0 && label.length === 0) {
      leadingBlanks++;
      continue;
    }
    values.push(t);
  }
  if (values.length > 0 && values.every((v) => v.t === "blank" && v.soft)) values = [];
  if (values.length > 0 || label.length > 0) flush();
  return groups;
}
