/**
 * Draws the interactive course until the learner quits. The TUI's one entry point: the CLI
 * imports it lazily, so Ink and React (bundled into its chunk) load only for the course.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './App.js';

export async function runApp(props: AppProps): Promise<void> {
  // Ctrl-C reaches the App as a key (raw mode), which cancels checks and cleans up before exiting.
  const instance = render(createElement(App, props), { exitOnCtrlC: false });
  await instance.waitUntilExit();
}
