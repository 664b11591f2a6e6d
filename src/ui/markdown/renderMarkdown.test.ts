import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './renderMarkdown.js';
import { cellWidth, plainText, wrapSpans } from './styledText.js';

const text = (markdown: string, width = 60) => renderMarkdown(markdown, width).map(plainText);

describe('renderMarkdown', () => {
  it('renders headings, emphasis and inline code without Markdown syntax', () => {
    const lines = renderMarkdown('## Why it matters\n\nA **bold** claim with `USER 1000` and *style*.', 60);
    const all = lines.map(plainText).join('\n');
    expect(all).toContain('Why it matters');
    expect(all).toContain('A bold claim with USER 1000 and style.');
    expect(all).not.toMatch(/[#*`]/);
    const bold = lines.flat().find((s) => s.text === 'bold');
    expect(bold?.bold).toBe(true);
    expect(lines.flat().find((s) => s.text === 'USER')?.color).toBe('yellow');
  });

  it('wraps paragraphs to the width and never exceeds it', () => {
    const long = 'word '.repeat(80);
    for (const width of [20, 40, 60, 80]) {
      const lines = text(long, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(Math.max(20, width));
    }
  });

  it('numbers the lines of a code block and colours Dockerfile instructions', () => {
    const lines = renderMarkdown('```dockerfile\nFROM busybox:1.36.1\nUSER 10001\n```', 60);
    expect(lines.map(plainText)).toEqual(['1 │ FROM busybox:1.36.1', '2 │ USER 10001']);
    expect(lines[0]?.find((s) => s.text === 'FROM')).toMatchObject({ color: 'cyan', bold: true });
  });

  it('fits a table to the width, wrapping cells instead of overflowing', () => {
    const table = '| Setting | What it does |\n|---|---|\n| cap_drop: [ALL] | removes every Linux capability the container would otherwise get by default |';
    const lines = text(table, 40);
    expect(lines[0]).toMatch(/^Setting\s+│ What it does/);
    expect(lines[1]).toMatch(/^─+─┼──+$/);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).toContain('capability');
  });

  it('shows lists with bullets and hanging continuation lines', () => {
    const lines = text('- first item that is long enough to wrap around the narrow width\n- second', 30);
    expect(lines[0]).toMatch(/^• first/);
    expect(lines[1]).toMatch(/^ {2}\S/);
    expect(lines.at(-1)).toBe('• second');
  });

  it('shows a link as its text with the address', () => {
    expect(text('See [the docs](https://docs.docker.com/engine/security/).').join(' ')).toContain('See the docs (https://docs.docker.com/engine/security/).');
  });

  it('unescapes entities and never leaves two blank lines in a row', () => {
    const lines = text('a &amp; b\n\n\n\n# Title\n\n\ntext');
    expect(lines[0]).toBe('a & b');
    expect(lines.some((line, i) => line === '' && lines[i - 1] === '')).toBe(false);
  });
});

describe('wrapSpans', () => {
  it('cuts a word longer than the width', () => {
    expect(wrapSpans([{ text: 'abcdefghij' }], 4).map(plainText)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('wrapSpans white space', () => {
  it('joins soft line breaks but keeps indentation', () => {
    expect(wrapSpans([{ text: 'one\ntwo' }], 40).map(plainText)).toEqual(['one two']);
    expect(wrapSpans([{ text: '    indented' }], 40).map(plainText)).toEqual(['    indented']);
  });
});
