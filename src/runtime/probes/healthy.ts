/**
 * The image's HEALTHCHECK reports the app healthy. Docker runs the check itself on its own
 * schedule; the probe only waits and watches `State.Health` through inspect.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import type { Probe } from './types.js';

const params = z.strictObject({
  timeoutSeconds: z.number().positive().max(120).default(30),
});

const POLL_MS = 500;

export const healthy: Probe<z.infer<typeof params>> = {
  id: 'healthy',
  title: 'The healthcheck does not report the app healthy',
  passTitle: 'The healthcheck reports the app healthy',
  fix: 'Add a HEALTHCHECK that asks the app itself, with a tool the image has and a short interval: HEALTHCHECK --interval=2s --timeout=2s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
  item: 'image.healthcheck',
  params,
  async run({ container, containerInfo, image }, { timeoutSeconds }) {
    const check = containerInfo.Config.Healthcheck ?? image.Config.Healthcheck;
    if (!check?.Test || check.Test.length === 0 || check.Test[0] === 'NONE') {
      return { passed: false, evidence: 'the image has no HEALTHCHECK, so Docker cannot tell whether the app works' };
    }
    const command = describeTest(check.Test);
    const deadline = Date.now() + timeoutSeconds * 1000;
    let health = (containerInfo.State as StateWithHealth).Health;
    for (;;) {
      if (health?.Status === 'healthy') return { passed: true, evidence: `the healthcheck \`${command}\` reported healthy${lastOutput(health)}` };
      if (health?.Status === 'unhealthy') return { passed: false, evidence: `the healthcheck \`${command}\` reported unhealthy${lastOutput(health)}` };
      if (Date.now() >= deadline) break;
      await sleep(POLL_MS);
      const info = await container.inspect();
      if (!info.State.Running) return { passed: false, evidence: `the container stopped (exit ${info.State.ExitCode}) before the healthcheck \`${command}\` passed` };
      health = (info.State as StateWithHealth).Health;
    }
    return { passed: false, evidence: `the healthcheck \`${command}\` was still "${health?.Status ?? 'starting'}" after ${timeoutSeconds} s${lastOutput(health)}` };
  },
};

/** dockerode's types miss `Health` on the container state. */
interface StateWithHealth {
  Health?: { Status: string; Log?: { ExitCode: number; Output: string }[] };
}

function describeTest(test: string[]): string {
  const [kind, ...rest] = test;
  return kind === 'CMD-SHELL' || kind === 'CMD' ? rest.join(' ') : test.join(' ');
}

function lastOutput(health: StateWithHealth['Health']): string {
  const last = health?.Log?.at(-1);
  if (!last) return '';
  const output = last.Output.trim().split('\n').slice(-3).join(' / ');
  return `; last run exited ${last.ExitCode}${output ? ` with output: ${output}` : ' with no output'}`;
}

