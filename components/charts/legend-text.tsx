/** Legend labels in the text colour: light series colours (the palette's yellow) are unreadable as text. */
export function legendText(value: unknown) {
  return <span style={{ color: "#334155" }}>{String(value)}</span>;
}
