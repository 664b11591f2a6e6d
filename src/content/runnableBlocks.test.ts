import { describe, expect, it } from 'vitest';
import { codeBlocks, inlineCode, runnableBlocks } from './runnableBlocks.js';

const lesson = `# Title

\`\`\`dockerfile run
RUN adduser -D app
\`\`\`

1. In a list:

   \`\`\`sh run
   id -u
   \`\`\`

\`\`\`dockerfile
FROM node:20
\`\`\`
`;

describe('codeBlocks', () => {
  it('finds every block with its language, line and marking', () => {
    expect(codeBlocks(lesson, 'l.md').map(({ line, language, runnable }) => ({ line, language, runnable }))).toEqual([
      { line: 3, language: 'dockerfile', runnable: true },
      { line: 9, language: 'sh', runnable: true },
      { line: 13, language: 'dockerfile', runnable: false },
    ]);
  });

  it('takes the code without the list indentation', () => {
    expect(runnableBlocks(lesson, 'l.md').map((block) => block.code)).toEqual(['RUN adduser -D app\n', 'id -u\n']);
  });

  it('does not count a word that only contains run', () => {
    expect(runnableBlocks('```sh running\nx\n```\n', 'l.md')).toEqual([]);
  });
});

describe('inlineCode', () => {
  it('lists the code spans of a fix text', () => {
    expect(inlineCode('e.g. `RUN adduser -D -u 10001 app` then `USER 10001:10001`.')).toEqual(['RUN adduser -D -u 10001 app', 'USER 10001:10001']);
  });
});
