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
  const ui = plainWanted ? undefined : importInteractiveUi();
  const course = (await cliCourse());
  const { realPorts } = await import('../../ui/ports.js');
  const ports = realPorts(course);
  if (!ui) {
    const { runPlainCourse } = await import('../../ui/plain/plainCourse.js');
    return runPlainCourse(course, ports, { input: process.stdin, write: io.out, width: Math.min(100, process.stdout.columns || 80) });
  }
  const { runApp } = await ui;
  await runApp({ course, ports, color: !process.env.NO_COLOR });
  return 0;
}

/**
 * Two things are hidden while Ink loads, and given back afterwards. Ink decides once, when it
 * loads, whether it runs in CI (the CI variable), and then draws only the last frame; both ends
 * are a terminal here, so a person is watching even where a shell exports CI=true. And its
 * layout engine's WebAssembly, embedded as a data: URL, is fetched with `fetch` when there is
 * one, which makes Node load its whole HTTP client first (about 50 ms of the first frame);
 * without `fetch` it decodes the same bytes directly.
 */
async function importInteractiveUi(): Promise<typeof import('../../ui/runApp.js')> {
  const hidden = ['CI', 'CONTINUOUS_INTEGRATION'].map((name) => [name, process.env[name]] as const);
  for (const [name] of hidden) delete process.env[name];
  // The descriptor, not the value: reading globalThis.fetch would load the HTTP client itself.
  const fetchDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchDescriptor?.configurable) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('../../ui/runApp.js');
  } finally {
    if (fetchDescriptor?.configurable) Object.defineProperty(globalThis, 'fetch', fetchDescriptor);
    for (const [name, value] of hidden) if (value !== undefined) process.env[name] = value;
  }
}
