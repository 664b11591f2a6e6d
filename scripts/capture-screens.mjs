// Captures TUI screens as text for the README and docs/screens/: the course map, a lesson, a
// quiz answer and a challenge with real check results, drawn at 80x24 by the real App with the
// real check engine (the runtime half too, on the engine DOCKER_HOST names) in a scratch data folder. Needs dist/ (npm run build).
//   node scripts/capture-screens.mjs [out-dir]
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screens'));
const home = mkdtempSync(path.join(os.tmpdir(), 'shipshape-screens-'));
const { render } = await import('ink');
const { createElement } = await import('react');
const { App } = await import(path.join(root, 'dist/ui/App.js'));
const { realPorts } = await import(path.join(root, 'dist/ui/ports.js'));
const { loadCourse } = await import(path.join(root, 'dist/content/loadCourse.js'));

class Screen extends EventEmitter {
  columns = Number(process.env.COLUMNS_FOR_CAPTURE ?? 80);
  rows = 24;
  frame = '';
  write = (text) => (this.frame = text);
}
class Keys extends EventEmitter {
  isTTY = true;
  data = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  press(data) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
}

const course = loadCourse();
const ports = { ...realPorts(course, home), cleanup: async () => undefined };
const stdout = new Screen();
const stdin = new Keys();
const app = render(createElement(App, { course, ports, color: false }), { stdout, stdin, stderr: new Screen(), debug: true, exitOnCtrlC: false, patchConsole: false });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const type = async (...keys) => {
  for (const key of keys) {
    stdin.press(key);
    await pause(60);
  }
};
const until = async (text) => {
  for (let i = 0; i < 200 && !stdout.frame.includes(text); i++) await pause(25);
  await pause(100);
  return stdout.frame;
};
const save = (name, frame) => {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, name), `${frame.replace(/\s+$/gm, '')}\n`);
  console.log(`--- ${name}\n${frame}\n`);
};

await pause(300);
save('course-map.txt', await until('Threat model'));
await type('/', ...'pin-base-image');
await until('(pin-base-image)');
await type('\r');
await pause(200);
await type('\r');
await until('Challenge · pin-base-image');
await pause(200);
await type('c');
save('challenge-results.txt', await until('checks fail'));
await type('\u001b');
await until('Threat model');
await type('/', ...'image-pin-versions');
await until('(image-pin-versions)');
await type('\r');
await pause(200);
await type('\r');
save('lesson.txt', await until('Lesson · image-pin-versions'));
await type('t');
await until('Question 1 of');
await pause(200);
await type('\u001b[B', '\r');
save('quiz-feedback.txt', await until('Not quite'));
app.unmount();
rmSync(home, { recursive: true, force: true });
