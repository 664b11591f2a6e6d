/** `?`: every key, read from the key table, grouped by where it works. */
import { useInput } from 'ink';
import { useState } from 'react';
import { Frame, frameRows } from '../components/Frame.js';
import { StyledLines } from '../components/StyledLines.js';
import { commandFor, keyTable, scopeTitles, type Scope } from '../keys/keyTable.js';
import { span, wrapSpans, type StyledLine } from '../markdown/styledText.js';
import { scrollBy } from '../state/scrolling.js';

export function helpLines(width: number): StyledLine[] {
  const scopes: Scope[] = ['map', 'search', 'lesson', 'quiz', 'challenge', 'confirm'];
  const lines: StyledLine[] = [];
  for (const scope of scopes) {
    lines.push([span(scopeTitles[scope], { bold: true, color: 'cyan' })]);
    for (const command of keyTable.filter((c) => c.scopes.includes(scope))) {
      lines.push(...wrapSpans([span(`  ${command.keyLabel.padEnd(12)}`, { bold: true }), span(command.help)], width, ' '.repeat(14)));
    }
    lines.push([]);
  }
  return lines;
}

export function HelpScreen({ size, color, inputActive }: { size: { columns: number; rows: number }; color: boolean; inputActive: boolean }) {
  const width = size.columns;
  const lines = helpLines(width);
  const body = Math.max(3, size.rows - frameRows('help', width));
  const [scroll, setScroll] = useState(0);
  useInput(
    (input, key) => {
      const command = commandFor(input, key, 'help');
      const delta = command === 'down' ? 1 : command === 'up' ? -1 : command === 'pageDown' ? body - 1 : command === 'pageUp' ? 1 - body : 0;
      if (delta !== 0) setScroll(scrollBy(scroll, delta, lines.length, body));
    },
    { isActive: inputActive },
  );
  return (
    <Frame title="Keys" scope="help" color={color} width={width}>
      <StyledLines lines={lines.slice(scroll, scroll + body)} color={color} />
    </Frame>
  );
}
