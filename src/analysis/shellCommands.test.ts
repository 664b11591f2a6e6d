import { describe, expect, it } from 'vitest';
import { splitCommands } from './shellCommands.js';

/** The plain character-at-a-time reading splitCommands must agree with (its first version). */
function referenceSplit(script: string): { text: string; words: string[]; followedBy: string }[] {
  const pieces: { raw: string; followedBy: string }[] = [];
  let current = '';
  let quote: string | undefined;
  for (let index = 0; index < script.length; index++) {
    const char = script[index] ?? '';
    const next = script[index + 1] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '\\' && next === '\n') {
      index++;
      current += ' ';
    } else if ((char === '&' && next === '&') || (char === '|' && next === '|')) {
      pieces.push({ raw: current, followedBy: char + next });
      current = '';
      index++;
    } else if (char === '|' || char === ';' || char === '\n') {
      pieces.push({ raw: current, followedBy: char });
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push({ raw: current, followedBy: '' });
  return pieces.flatMap(({ raw, followedBy }) => {
    const command = referenceSimpleCommand(raw);
    return command ? [{ ...command, followedBy }] : [];
  });
}

/** toSimpleCommand as splitCommands uses it (unchanged; copied because it is private). */
function referenceSimpleCommand(raw: string): { text: string; words: string[] } | undefined {
  const words = raw.trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/^["']|["']$/g, ''));
  let start = 0;
  while (start < words.length) {
    const word = words[start] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || ['sudo', 'env', 'exec', 'command', 'time', 'nice'].includes(word) || (start > 0 && word.startsWith('-') && words[start - 1] === 'sudo')) start++;
    else break;
  }
  const rest = words.slice(start);
  return rest.length === 0 ? undefined : { text: rest.join(' '), words: rest };
}

describe('splitCommands', () => {
  it('splits at &&, ||, |, ; and newlines, outside quotes, joining continuation lines', () => {
    expect(splitCommands('apt-get update && sudo apt-get install -y gcc').map((c) => [c.text, c.followedBy])).toEqual([
      ['apt-get update', '&&'],
      ['apt-get install -y gcc', ''],
    ]);
    expect(splitCommands('echo "a && b" | tr a b; ls \\\n -l\nid || true').map((c) => [c.text, c.followedBy])).toEqual([
      ['echo a && b', '|'],
      ['tr a b', ';'],
      ['ls -l', '\n'],
      ['id', '||'],
      ['true', ''],
    ]);
  });

  it('agrees with a character-at-a-time reading on generated scripts', () => {
    const alphabet = ['a', 'b', ' ', '\t', '"', "'", '\\', '\n', '&', '|', ';', '=', 'X=1 ', 'sudo ', '-', '/'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 3000; round++) {
      let script = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) script += alphabet[Math.floor(random() * alphabet.length)];
      const ours = splitCommands(script).map((c) => ({ text: c.text, words: c.words, followedBy: c.followedBy }));
      expect(ours, JSON.stringify(script)).toEqual(referenceSplit(script));
    }
  });
});
