/**
 * `shipshape` with no command: the interactive course. Ink and React load only here. Without
 * a terminal on both ends, with `--plain`, or with a screen reader (INK_SCREEN_READER=true),
 * the same course runs as sequential text.
 */
import type { Io } from '../main.js';
import { cliCourse } from '../course.js';

export async function startCourse(io: Io, options: { plain: boolean } = { plain: false }): Promise<number> {
  const plainWanted = options.plain || process.stdin.isTTY !== true || process.stdout.isTTY !== true || process.env.INK_SCREEN_READER === 'true' || process.env.TERM === 'dumb';
  // Ink and React take the longest to load: start reading them before the course is loaded.
  const ui = plainWanted ? undefined : Promise.all([import('ink'), import('react'), import('../../ui/App.js')]);
  const course = cliCourse();
  const { realPorts } = await import('../../ui/ports.js');
  const ports = realPorts(course);
  if (!ui) {
    const { runPlainCourse } = await import('../../ui/plain/plainCourse.js');
    return runPlainCourse(course, ports, { input: process.stdin, write: io.out, width: Math.min(100, process.stdout.columns || 80) });
  }
  const color = !process.env.NO_COLOR;
  const [{ render }, { createElement }, { App }] = await ui;
  // Ctrl-C reaches the App as a key (raw mode), which cancels checks and cleans up before exiting.
  const instance = render(createElement(App, { course, ports, color }), { exitOnCtrlC: false });
  await instance.waitUntilExit();
  return 0;
}
