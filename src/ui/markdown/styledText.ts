/**
 * Styled text as data: a line is a list of spans, each with its own style. Every screen lays
 * its content out as these lines, so the number of rows is known (scrolling is exact), the
 * plain mode prints the same lines without styling, and tests read text, not escape codes.
 */
export type SpanColor = 'cyan' | 'green' | 'red' | 'yellow' | 'magenta' | 'blue' | 'gray';

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  inverse?: boolean;
  color?: SpanColor;
}

export type StyledLine = Span[];

export const plainText = (line: StyledLine): string => line.map((span) => span.text).join('');

export const span = (text: string, style: Omit<Span, 'text'> = {}): Span => ({ text, ...style });

/** Character cells a string takes (wide CJK and emoji count two; good enough for course text). */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0x1f300 && code <= 0x1faff)) ? 2 : 1;
  }
  return width;
}

/**
 * Wraps spans to `width` cells at spaces (a word longer than the width is cut), keeping each
 * span's style. Continuation rows start with `hang` (spaces, so list text lines up).
 */
export function wrapSpans(spans: StyledLine, width: number, hang = ''): StyledLine[] {
  const words: Span[] = [];
  for (const s of spans) {
    // A soft line break (white space with a newline in it) is one space once reflowed; other
    // white space is kept, so indentation survives.
    for (const piece of s.text.split(/(\s+)/)) if (piece !== '') words.push({ ...s, text: /^\s*\n\s*$/.test(piece) ? ' ' : piece });
  }
  const lines: StyledLine[] = [];
  let line: StyledLine = [];
  let used = 0;
  const push = () => {
    // Trailing spaces are invisible and would only make a row look wider than it is.
    while (line.length > 0 && /^\s+$/.test(line.at(-1)?.text ?? '')) line.pop();
    lines.push(line);
    line = hang ? [{ text: hang }] : [];
    used = cellWidth(hang);
  };
  const room = Math.max(1, width);
  for (const word of words) {
    const isSpace = /^\s+$/.test(word.text);
    const w = cellWidth(word.text);
    if (isSpace) {
      if (used === cellWidth(hang) && lines.length > 0) continue; // No leading space on a continuation row.
      if (used + w > room) push();
      else {
        line.push(word);
        used += w;
      }
      continue;
    }
    if (used + w > room && used > cellWidth(hang)) push();
    let rest = word.text;
    while (cellWidth(rest) > room - used) {
      const fit = Math.max(1, room - used);
      line.push({ ...word, text: rest.slice(0, fit) });
      rest = rest.slice(fit);
      push();
    }
    if (rest !== '') {
      line.push({ ...word, text: rest });
      used += cellWidth(rest);
    }
  }
  if (line.length > 0 && !(hang && line.length === 1 && lines.length > 0)) lines.push(line);
  return lines.length > 0 ? lines : [[]];
}
