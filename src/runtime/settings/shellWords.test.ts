import { describe, expect, it } from 'vitest';
import { shellWords } from './shellWords.js';

describe('shellWords', () => {
  it.each([
    ['httpd -f -p 8080', ['httpd', '-f', '-p', '8080']],
    [`sh -c 'echo "hi there"'`, ['sh', '-c', 'echo "hi there"']],
    ['echo "a \\"b\\" c"', ['echo', 'a "b" c']],
    ['echo a\\ b', ['echo', 'a b']],
    ['echo ""', ['echo', '']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['echo $HOME', ['echo', '$HOME']],
  ])('%s', (text, words) => {
    expect(shellWords(text)).toEqual(words);
  });

  it('refuses an unclosed quote', () => {
    expect(shellWords(`echo 'oops`)).toBeUndefined();
  });
});
