/** Draws laid-out lines (see markdown/styledText.ts); colour only when the learner allows it. */
import { Text } from 'ink';
import type { StyledLine } from '../markdown/styledText.js';

export function StyledLines({ lines, color }: { lines: readonly StyledLine[]; color: boolean }) {
  return (
    <>
      {lines.map((line, row) => (
        <Text key={row} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((s, i) => (
            <Text key={i} bold={s.bold} italic={s.italic} underline={s.underline} dimColor={s.dim} inverse={s.inverse} color={color ? s.color : undefined}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </>
  );
}
