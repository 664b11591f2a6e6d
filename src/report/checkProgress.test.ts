import { describe, expect, it } from 'vitest';
import { progressLine } from './checkProgress.js';

describe('progressLine', () => {
  it('names the build step and the learner line it came from', () => {
    expect(progressLine({ type: 'build-step', step: 2, total: 5, instruction: 'RUN make', line: 3 })).toBe('  step 2/5 (Dockerfile:3): RUN make');
    expect(progressLine({ type: 'build-step', step: 1, total: 2, instruction: 'FROM x', line: undefined }, 'app.Dockerfile')).toBe('  step 1/2: FROM x');
  });

  it('prints phases, notes and probes, and leaves results to the verdict', () => {
    expect(progressLine({ type: 'phase', phase: 'building', message: 'building Dockerfile (network none)' })).toBe('building Dockerfile (network none)');
    expect(progressLine({ type: 'note', message: 'ports: not published' })).toBe('  note: ports: not published');
    expect(progressLine({ type: 'probe-started', id: 'p', title: 'Runs as non-root', index: 0, total: 2 })).toBe('  probing 1/2: Runs as non-root');
    expect(progressLine({ type: 'verdict', verdict: { challenge: 'c', passed: true, checks: [] } })).toBeUndefined();
  });
});
