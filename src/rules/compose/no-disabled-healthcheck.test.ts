import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noDisabledHealthcheck } from './no-disabled-healthcheck.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noDisabledHealthcheck] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/no-disabled-healthcheck', () => {
  it.each([
    ['no healthcheck (the image may define one)', compose('services:', '  web:', '    image: app:1.4.2')],
    ['a real check', compose('services:', '  web:', '    healthcheck:', '      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]', '      interval: 30s')],
    ['a shell-form check', compose('services:', '  web:', '    healthcheck:', '      test: wget -qO- http://localhost:3000/health || exit 1')],
    ['disable: false', compose('services:', '  web:', '    healthcheck:', '      disable: false', '      test: ["CMD-SHELL", "true"]')],
    ['NONE as an argument, not the first element', compose('services:', '  web:', '    healthcheck:', '      test: ["CMD", "check", "NONE"]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['disable: true', compose('services:', '  web:', '    healthcheck:', '      disable: true'), 4],
    ['disable: "true"', compose('services:', '  web:', '    healthcheck:', '      disable: "true"'), 4],
    ['test: ["NONE"]', compose('services:', '  web:', '    image: app:1.4.2', '    healthcheck:', '      test: ["NONE"]'), 5],
    ['a flow-style test NONE', compose('services:', '  web:', '    healthcheck: { test: [NONE] }'), 3],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-disabled-healthcheck', line, severity: 'warning', item: 'image.healthcheck' });
  });
});
