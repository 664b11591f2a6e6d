/**
 * Every Dockerfile rule at once on shapes a hostile file may take within the size cap: each must
 * end in bounded time with findings, never a stack overflow ("internal error") or a minutes-long
 * run. The bounds are generous, so that only a recursive or quadratic walk can miss them.
 */
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from './engine.js';

const chain = (stages: number) => ['FROM alpine:3.19 AS s0', ...Array.from({ length: stages - 1 }, (_, i) => `FROM s${i} AS s${i + 1}`), ''].join('\n');

describe('all Dockerfile rules on hostile shapes', () => {
  it.each([
    // userOfStage recursed once per stage (stack overflow at about 12,000); stageChain copied
    // the chain at every link and use-secret-mounts walked it once per stage (16 s).
    ['a chain of 12,000 stages, each built on the one before', chain(12_000)],
    ['60,000 unrelated stages', 'FROM alpine:3.19\n'.repeat(60_000)],
    ['a chain whose every stage sets a secret ENV and RUNs with it', ['FROM alpine:3.19 AS s0', ...Array.from({ length: 3_000 }, (_, i) => `FROM s${i} AS s${i + 1}\nENV TOKEN_${i}=x\nRUN echo $TOKEN_0`), ''].join('\n')],
    // chmodModes took every `install` word for coreutils' install, and no-sudo's patterns
    // backtracked over every split of the line: 16 KB took 6 s, 330 KB never finished.
    ['a RUN of 20,000 `apt-get install` words', `FROM ubuntu:24.04\nRUN ${'apt-get install '.repeat(20_000)}\n`],
    ['14,000 stages each copying from the one before', Array.from({ length: 14_000 }, (_, i) => `FROM alpine:3.19 AS s${i}\nCOPY --from=s${Math.max(i - 1, 0)} /a /a`).join('\n') + '\n'],
  ])('%s', (_name, text) => {
    const started = performance.now();
    const { findings } = lintDockerfile(text, 'Dockerfile');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(findings.length).toBeGreaterThan(0);
  });
});
