/**
 * Hostile input never crashes or hangs the linter: generated and mutated Dockerfiles, compose
 * files, manifests, workflows and daemon.json (binary, huge, deeply nested, alias bombs,
 * unterminated heredocs, random mutations of real files) each give a clean result or a
 * `parse-error` finding. Deterministic: the seed is fixed, so a failure reproduces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/engine.js';
import type { RuleTarget } from '../../src/rules/types.js';
import { repoRoot } from '../helpers/cli.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds: string[] = [
  readFileSync(path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile/broken/Dockerfile'), 'utf8'),
  readFileSync(path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile/solution/Dockerfile'), 'utf8'),
  'ARG BASE=node\nFROM ${BASE}:20 AS build\nRUN <<EOF\nnpm ci\nEOF\nFROM scratch\nCOPY --from=build /app /app\nUSER 10001\n',
  'services:\n  web:\n    image: nginx\n    privileged: true\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n    cap_add: [SYS_ADMIN]\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          securityContext:\n            runAsUser: 0\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: busybox}]\n',
  'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t app .\n',
  '{"hosts": ["tcp://0.0.0.0:2375"], "icc": true}\n',
];

const fragments = ['\u0000', '\n', ':', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '<<EOF', '<<-X\n', '\\\n', '"', "'", '#', '\t', '${', '$(', 'USER 0\n', 'FROM\n', '---\n', '!!binary ', '%YAML 1.2\n', '? ', '|\n', '>-\n', '\uFEFF', '\r\n'];

function mutate(text: string, next: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(next() * 6);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const choice = next();
    if (choice < 0.35) out = out.slice(0, at) + fragments[Math.floor(next() * fragments.length)] + out.slice(at);
    else if (choice < 0.55) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
    else if (choice < 0.7) out = out.slice(0, at);
    else if (choice < 0.85) out = out.slice(0, at) + out.slice(Math.floor(next() * out.length)) ;
    else out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 0xffff)) + out.slice(at);
  }
  return out;
}

function generated(): string[] {
  const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
  return [
    '',
    '\u0000'.repeat(100),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    'FROM x\n' + 'RUN echo hi\n'.repeat(60_000),
    'a: ' + 'x'.repeat(5 * 1024 * 1024),
    '['.repeat(50_000),
    '{a: '.repeat(20_000),
    '- '.repeat(10_000) + 'x',
    Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n'),
    aliasBomb,
    `services:\n  web: &w\n    image: x\n${Array.from({ length: 200 }, (_, i) => `  s${i}: *w`).join('\n')}\n`,
    'FROM busybox\nRUN <<EOF\necho never closed\n',
    'FROM busybox\nRUN <<A <<B\nx\nA\n',
    '---\n'.repeat(5000),
    'apiVersion: v1\nkind: List\nitems:\n' + '  - {apiVersion: v1, kind: List, items: []}\n'.repeat(500),
    'kind: Pod\napiVersion: v1\nspec:\n  containers: 7\n  initContainers: [null, 3, "x"]\n  securityContext: []\n',
    'services: []\n',
    'services:\n  web: null\n  db: [1, 2]\n',
    'on: push\njobs: {a: {steps: [null, {run: 3}, {uses: []}]}}\n',
    'null\n',
    '"just a string"\n',
  ];
}

const kinds: RuleTarget[] = ['dockerfile', 'compose', 'kubernetes', 'ci', 'daemon'];

describe('linting hostile input', () => {
  const next = random(0x5eed);
  const inputs = [...generated(), ...Array.from({ length: 1000 }, (_, i) => mutate(seeds[i % seeds.length] ?? '', next))];

  it('has at least 1,000 inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
  });

  it('gives a clean result or a parse-error for every input and kind, without hanging or ballooning memory', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let parseErrors = 0;
    let slowest = 0;
    for (const [index, text] of inputs.entries()) {
      for (const kind of kinds) {
        const started = performance.now();
        let result;
        try {
          result = lintText(text, `input-${index}`, kind);
        } catch (error) {
          throw new Error(`input ${index} as ${kind} threw: ${(error as Error).stack}\n--- input (first 300 chars) ---\n${JSON.stringify(text.slice(0, 300))}`);
        }
        slowest = Math.max(slowest, performance.now() - started);
        for (const finding of result.findings) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.column).toBeGreaterThanOrEqual(1);
          expect(typeof finding.message).toBe('string');
        }
        if (result.parseError) {
          parseErrors++;
          expect(result.findings).toHaveLength(1);
          expect(result.findings[0]?.rule).toBe('parse-error');
        }
      }
    }
    // A hang guard, not a performance target: one input must never take seconds.
    expect(slowest).toBeLessThan(5_000);
    expect(parseErrors).toBeGreaterThan(100);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(512 * 1024 * 1024);
  }, 300_000);
});
