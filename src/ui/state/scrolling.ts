/** Cursor and scroll arithmetic shared by every list and reader. Pure. */
export const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** A scroll position after moving by `delta` rows, never past the last full page. */
export function scrollBy(scroll: number, delta: number, lines: number, rows: number): number {
  return clamp(scroll + delta, 0, lines - rows);
}

/** The first row to show so that `cursor` stays on screen, roughly centred. */
export function windowStart(cursor: number, rows: number, count: number): number {
  return clamp(cursor - Math.floor(rows / 2), 0, count - rows);
}
