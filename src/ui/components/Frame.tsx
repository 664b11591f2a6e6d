/** Every screen's frame: a title row, the body, a status row and the key footer from the key table. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { footerText, type Scope } from '../keys/keyTable.js';
import { plainText, wrapSpans } from '../markdown/styledText.js';

/** The footer wrapped to the width: at 60 columns it takes two rows rather than losing "q quit". */
export const footerLines = (scope: Scope, width: number): string[] => wrapSpans([{ text: footerText(scope) }], width).map(plainText);

/** Rows the frame takes around the body: title, status, and the footer's rows. */
export const frameRows = (scope: Scope, width: number) => 2 + footerLines(scope, width).length;

export function Frame({ title, scope, status, children, color, width }: { title: string; scope: Scope; status?: string; children: ReactNode; color: boolean; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={color ? 'cyan' : undefined} wrap="truncate-end">{title}</Text>
      <Box flexDirection="column">{children}</Box>
      <Text wrap="truncate-end" color={color ? 'yellow' : undefined}>{status || ' '}</Text>
      {footerLines(scope, width).map((line, i) => <Text key={i} dimColor>{line}</Text>)}
    </Box>
  );
}
