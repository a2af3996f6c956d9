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
    groups.push({ label: pieces.join(""), pieceStarts, values });
    label = [];
    values = [];
  };
  let rowHasText = false;
  for (const t of tokens) {
    if (t.t === "eol") {
      if (values.length > 0) flush();
      rowHasText = false;
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
    if (rowsEndAtLineEnd && t.t === "blank" && !rowHasText && values.length === 0 && label.length === 0) continue;
    values.push(t);
  }
  if (values.length > 0 && values.every((v) => v.t === "blank" && v.soft)) values = [];
  if (values.length > 0 || label.length > 0) flush();
  return groups;
}
