import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../checks/types.js';
import { loadCourse } from '../../content/loadCourse.js';
import type { RunnerOptions, RunnerVerdict } from '../../watch/checkRunner.js';
import { fakePorts, tick, until, type FakePorts } from '../testing/fakePorts.js';
import { ChallengeView } from './ChallengeView.js';

vi.setConfig({ testTimeout: 20_000 });
const course = loadCourse();
const runtimeChallenge = course.challenges.find((c) => c.checks.runtime !== undefined);
if (!runtimeChallenge) throw new Error('no runtime challenge in the course');

const probe = (passed: boolean): CheckResult => ({ kind: 'runtime', id: 'attack-read-root-files', title: 'An attacker reads /etc/shadow', item: undefined, passed, evidence: passed ? 'cat: /etc/shadow: Permission denied' : 'root:*:19000:0:99999:7:::', findings: [] });

function view(ports: FakePorts, columns = 80) {
  return render(
    <ChallengeView challenge={runtimeChallenge!} state={undefined} ports={ports} stoppers={new Set()} lessonFor={() => undefined} size={{ columns, rows: 40 }} color={false} inputActive setCapture={() => undefined}
      onVerdict={() => undefined} onHint={() => undefined} onSolutionEarly={() => undefined} onReset={() => undefined} onSkip={() => undefined} openLesson={() => undefined} next={() => undefined} say={() => undefined} />,
  );
}

describe('ChallengeView', () => {
  it('shows build steps as a bar, then probe by probe, then the verdict', async () => {
    let release: (() => void) | undefined;
    const ports = fakePorts({
      files: Object.fromEntries(runtimeChallenge.files.map((f) => [f, 'FROM busybox:1.36.1\n'])),
      verdict: (c, _files, options: RunnerOptions) => {
        options.onEvent?.({ type: 'build-step', step: 2, total: 4, instruction: 'COPY index.html ./', line: 3 });
        return new Promise<RunnerVerdict>((resolve) => {
          release = () => {
            options.onEvent?.({ type: 'probe-started', id: 'attack-read-root-files', title: 'An attacker reads /etc/shadow', index: 0, total: 1 });
            resolve({ challenge: c.id, passed: false, checks: [probe(false)] });
          };
        });
      },
    });
    const { lastFrame, stdin, unmount } = view(ports);
    await tick();
    stdin.write('c');
    const building = await until(lastFrame, (t) => t.includes('step 2/4'));
    expect(building).toMatch(/\[█+░+\] step 2\/4 COPY index\.html \.\//);
    release?.();
    const done = await until(lastFrame, (t) => t.includes('checks fail'));
    expect(done).toContain('✗ An attacker reads /etc/shadow');
    expect(done).toContain('root:*:19000');
    expect(ports.checks[0]?.options.staticOnly).toBe(false);
    unmount();
  });

  it('after the fix passes, shows the attack replay before and after', async () => {
    let passed = false;
    const ports = fakePorts({
      files: Object.fromEntries(runtimeChallenge.files.map((f) => [f, 'x\n'])),
      verdict: (c) => ({ challenge: c.id, passed, checks: [probe(passed)] }),
    });
    const { lastFrame, stdin, unmount } = view(ports);
    await tick();
    stdin.write('c');
    await until(lastFrame, (t) => t.includes('checks fail'));
    passed = true;
    stdin.write('c');
    const frame = await until(lastFrame, (t) => t.includes('Attack replay'));
    expect(frame).toMatch(/before: root:\*:19000/);
    expect(frame).toMatch(/after: +cat: \/etc\/shadow: Permission denied/);
    unmount();
  });

  it('at 60 columns, nothing is wider than the terminal', async () => {
    const ports = fakePorts({ files: Object.fromEntries(runtimeChallenge.files.map((f) => [f, `${'RUN echo a long line that must wrap '.repeat(4)}\n`])) });
    const { lastFrame, unmount } = view(ports, 60);
    for (const line of (lastFrame() ?? '').split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    unmount();
  });
});
