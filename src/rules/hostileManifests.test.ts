/**
 * Compose files, CI workflows and YAML shaped to be slow, within the size caps: each must be read
 * and linted in bounded time. The bounds are generous, so only a quadratic or worse walk misses them.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../parse/yamlSource.js';
import { lintText } from './engine.js';

const bounded = (work: () => unknown) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

describe('hostile compose, CI and YAML shapes', () => {
  it('a compose extends chain of 1,280 services (each rule walked each chain: 17 s)', () => {
    const services = Array.from({ length: 1280 }, (_, i) => `  s${i}:\n    extends: s${i + 1}\n`).join('');
    const text = `services:\n${services}  s1280:\n    image: nginx:1.27.3\n    privileged: true\n`;
    let findings: unknown[] = [];
    expect(bounded(() => (findings = lintText(text, 'compose.yaml', 'compose').findings))).toBeLessThan(5000);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('a run step repeating `docker buildx build` 20,000 times (an A.*B pattern per occurrence: minutes)', () => {
    const text = `on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: docker build . && ${'docker buildx build '.repeat(20_000)}\n`;
    let findings: unknown[] = [];
    expect(bounded(() => (findings = lintText(text, '.github/workflows/ci.yml', 'ci').findings))).toBeLessThan(5000);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('a quoted value of 16,000 under-indented lines (js-yaml rescanned the text per warning: 12 s)', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: '${'x\n'.repeat(16_000)}'\n`;
    expect(bounded(() => parseYamlDocuments(text, 'x.yaml'))).toBeLessThan(5000);
  });
});
