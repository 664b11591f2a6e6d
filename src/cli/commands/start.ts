/** `shipshape` with no command: the interactive course. Ink and React load only here. */
import type { Io } from '../main.js';
import { cliCourse } from '../course.js';

export async function startCourse(io: Io): Promise<number> {
  const course = cliCourse();
  if (process.stdin.isTTY !== true) {
    io.err('shipshape: the interactive course needs a terminal; try `shipshape list` or `shipshape check <id>`.');
    return 2;
  }
  const [{ render }, { createElement }, { App }] = await Promise.all([import('ink'), import('react'), import('../../ui/App.js')]);
  const instance = render(createElement(App, { course }));
  await instance.waitUntilExit();
  return 0;
}
