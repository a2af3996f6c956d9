/**
 * How strongly a report's text points at one unit among namesakes (城关镇 ×88, 新华区 ×3):
 * mentions of the unit's county, city and province (full names count double, short forms once),
 * and the level words a body uses for its parent (区委区政府 → a district, 县委县政府 → a county).
 */
import { aliasesOf, type Division } from "./divisions";

function occurrences(text: string, word: string): number {
  if (word.length < 2) return 0;
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count += 1;
  return count;
}

export function contextScore(division: Division, text: string, options: { levelWords?: boolean } = {}): number {
  let score = 0;
  for (let node = division.parent; node; node = node.parent) {
    if (node.placeholder) continue;
    const full = occurrences(text, node.name);
    const short = aliasesOf(node.name, node.level).reduce((sum, alias) => sum + occurrences(text, alias), 0);
    // A short form also counts inside each full-name mention; count it only beyond those.
    score += 2 * full + Math.max(0, short - full);
  }
  const county = division.level === "township" ? division.parent : division.level === "county" ? division : null;
  if (county && !county.placeholder && options.levelWords !== false) {
    const suffix = county.name.slice(-1);
    if (suffix === "区" && /区委|区政府/.test(text) && !/县委|县政府/.test(text)) score += 1;
    if (suffix === "县" && /县委|县政府/.test(text) && !/区委|区政府/.test(text)) score += 1;
  }
  return score;
}
