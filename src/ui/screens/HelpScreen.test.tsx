import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keyTable } from '../keys/keyTable.js';
import { helpLines, HelpScreen } from './HelpScreen.js';
import { plainText } from '../markdown/styledText.js';

describe('HelpScreen', () => {
  it('lists every command of the key table', () => {
    const text = helpLines(80).map(plainText).join('\n');
    for (const command of keyTable) expect(text).toContain(command.help);
  });

  it('draws within the terminal', () => {
    const { lastFrame, unmount } = render(<HelpScreen size={{ columns: 60, rows: 24 }} color={false} inputActive />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Course map');
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    unmount();
  });
});
