/**
 * Lesson Markdown laid out for a terminal of a given width: headings, emphasis, inline code,
 * code blocks with line numbers and colour, lists, tables fitted to the width, block quotes,
 * and links shown as text with their address. `marked`'s lexer does the parsing (a well-kept
 * CommonMark/GFM parser); the layout is ours, because the screen needs exact rows and plain
 * mode needs the same lines as text. Pure: text and width in, styled lines out.
 */
import { marked, type Token, type Tokens } from 'marked';
import { highlightCode } from './highlightCode.js';
import { cellWidth, span, wrapSpans, type Span, type StyledLine } from './styledText.js';

/**
 * @example renderMarkdown('## Why\n\nA **bold** claim.', 60).map(plainText)
 */
export function renderMarkdown(markdown: string, width: number): StyledLine[] {
  const tokens = marked.lexer(markdown);
  const lines = blocks(tokens, Math.max(20, width));
  // No blank rows at either end, and never two in a row.
  const kept = lines.filter((line, i) => !(isBlank(line) && (i === 0 || isBlank(lines[i - 1] ?? []))));
  while (kept.length > 0 && isBlank(kept.at(-1) ?? [])) kept.pop();
  return kept;
}

const isBlank = (line: StyledLine) => line.every((s) => s.text.trim() === '');

function blocks(tokens: readonly Token[], width: number): StyledLine[] {
  const out: StyledLine[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        const text = inline(t.tokens ?? [], { bold: true, color: t.depth <= 2 ? 'cyan' : undefined });
        out.push([], ...wrapSpans(t.depth === 1 ? text.map((s) => ({ ...s, text: s.text.toUpperCase() })) : text, width), []);
        break;
      }
      case 'paragraph':
        out.push(...wrapSpans(inline((token as Tokens.Paragraph).tokens ?? []), width), []);
        break;
      case 'text': {
        const t = token as Tokens.Text;
        out.push(...wrapSpans(t.tokens ? inline(t.tokens) : [span(t.text)], width));
        break;
      }
      case 'list':
        out.push(...list(token as Tokens.List, width), []);
        break;
      case 'code':
        out.push(...codeBlock(token as Tokens.Code, width), []);
        break;
      case 'table':
        out.push(...table(token as Tokens.Table, width), []);
        break;
      case 'blockquote':
        for (const line of blocks((token as Tokens.Blockquote).tokens, width - 2)) out.push(isBlank(line) ? [] : [span('│ ', { color: 'gray' }), ...line.map((s) => ({ ...s, italic: true }))]);
        out.push([]);
        break;
      case 'hr':
        out.push([span('─'.repeat(Math.min(width, 40)), { dim: true })], []);
        break;
      case 'space':
        break;
      default:
        // html and anything unknown: shown as written, never dropped.
        if ('raw' in token && token.raw.trim() !== '') out.push(...wrapSpans([span(token.raw.trim())], width), []);
    }
  }
  return out;
}

function list(token: Tokens.List, width: number): StyledLine[] {
  const out: StyledLine[] = [];
  const start = typeof token.start === 'number' ? token.start : 1;
  token.items.forEach((item, i) => {
    const bullet = token.ordered ? `${start + i}. ` : '• ';
    const hang = ' '.repeat(bullet.length);
    const body = blocks(item.tokens, width - bullet.length).filter((line, j, all) => !(isBlank(line) && j === all.length - 1));
    body.forEach((line, j) => out.push(j === 0 ? [span(bullet, { color: 'cyan' }), ...line] : isBlank(line) ? [] : [span(hang), ...line]));
  });
  return out;
}

function codeBlock(token: Tokens.Code, width: number): StyledLine[] {
  const source = token.text.replace(/\n$/, '').split('\n');
  const gutter = String(source.length).length;
  const room = Math.max(8, width - gutter - 3);
  const out: StyledLine[] = [];
  source.forEach((text, i) => {
    const styled = highlightCode(text, token.lang ?? '');
    const rows = wrapSpans(styled, room);
    rows.forEach((row, j) => out.push([span(`${j === 0 ? String(i + 1).padStart(gutter) : ' '.repeat(gutter)} │ `, { dim: true }), ...row]));
  });
  return out;
}

function table(token: Tokens.Table, width: number): StyledLine[] {
  const columns = token.header.length;
  const cells = [token.header, ...token.rows].map((row) => row.map((cell) => inline(cell.tokens)));
  const natural = Array.from({ length: columns }, (_, c) => Math.max(3, ...cells.map((row) => cellWidth((row[c] ?? []).map((s) => s.text).join('')))));
  // Give each column its natural width while it fits; otherwise share what is left, widest first.
  const available = Math.max(columns * 4, width - (columns - 1) * 3);
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > available) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = (widths[widest] ?? 4) - 1;
  }
  const out: StyledLine[] = [];
  cells.forEach((row, r) => {
    const wrapped = row.map((cell, c) => wrapSpans(r === 0 ? cell.map((s) => ({ ...s, bold: true })) : cell, widths[c] ?? 4));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let h = 0; h < height; h++) {
      const line: Span[] = [];
      wrapped.forEach((cellLines, c) => {
        if (c > 0) line.push(span(' │ ', { dim: true }));
        const content = cellLines[h] ?? [];
        line.push(...content, span(' '.repeat(Math.max(0, (widths[c] ?? 0) - cellWidth(content.map((s) => s.text).join(''))))));
      });
      out.push(line);
    }
    if (r === 0) out.push([span(widths.map((w) => '─'.repeat(w)).join('─┼─'), { dim: true })]);
  });
  return out;
}

function inline(tokens: readonly Token[], base: Omit<Span, 'text'> = {}): Span[] {
  const out: Span[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...base, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...base, italic: true }));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, { ...base, dim: true }));
        break;
      case 'codespan':
        out.push(span(unescape((token as Tokens.Codespan).text), { ...base, color: 'yellow' }));
        break;
      case 'link': {
        const t = token as Tokens.Link;
        const label = inline(t.tokens, { ...base, underline: true });
        out.push(...label);
        const shown = label.map((s) => s.text).join('');
        if (t.href && t.href !== shown && !t.href.startsWith('#')) out.push(span(` (${t.href})`, { ...base, dim: true }));
        break;
      }
      case 'br':
        out.push(span(' ', base));
        break;
      case 'text':
      case 'escape': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) out.push(...inline(t.tokens, base));
        else out.push(span(unescape(t.text), base));
        break;
      }
      default:
        if ('raw' in token) out.push(span(token.raw, base));
    }
  }
  return out;
}

/** marked keeps HTML entities in text; the terminal wants the characters. */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _);
}
