/**
 * Code blocks in lessons and hints that are meant to run, found by their fence's info string:
 * a second word `run` (```dockerfile run, ```sh run) marks a block that the docs test builds or
 * runs against the offline images (test/runtime/docs.test.ts), so a sample that stops working
 * fails CI. Unmarked blocks are illustrations (other base images, cluster commands). Pure: text
 * in, blocks out. How to mark a block: docs/authoring-code-blocks.md.
 */

export type RunnableLanguage = 'dockerfile' | 'sh';

export interface CodeBlock {
  /** The file it came from, for messages. */
  source: string;
  /** Line of the opening fence, counting from 1. */
  line: number;
  language: string;
  runnable: boolean;
  code: string;
}

/**
 * @example codeBlocks('text\n```sh run\nid -u\n```\n', 'lesson.md')
 * // [{ source: 'lesson.md', line: 2, language: 'sh', runnable: true, code: 'id -u\n' }]
 */
export function codeBlocks(markdown: string, source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '```', language = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      // Blocks inside list items are indented; the code is not.
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ source, line: i + 1, language, runnable: rest.split(/\s+/).includes('run'), code: body.length > 0 ? `${body.join('\n')}\n` : '' });
    i = j;
  }
  return blocks;
}

/** Only the blocks marked to run. */
export function runnableBlocks(markdown: string, source: string): CodeBlock[] {
  return codeBlocks(markdown, source).filter((block) => block.runnable);
}

/** Inline code spans of a text (a rule's `fix`), in order. */
export function inlineCode(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}
