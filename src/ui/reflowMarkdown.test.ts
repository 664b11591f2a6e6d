import { describe, expect, it } from 'vitest';
import { reflowMarkdown } from './reflowMarkdown.js';

describe('reflowMarkdown', () => {
  it('joins paragraph lines and list item continuations', () => {
    expect(reflowMarkdown('One line\nand more.\n\n- item that\n  continues\n- next')).toBe('One line and more.\n\n- item that continues\n- next');
  });

  it('keeps code blocks and headings as written', () => {
    const code = '## Title\n```yaml\nkey: value\nother: 1\n```\nText';
    expect(reflowMarkdown(code)).toBe(code);
  });
});
