/**
 * Attack replay: start as many processes at once as possible, the start of a fork bomb that
 * would starve the host. Each shell starts the next and waits for it, so when the PID limit
 * stops the chain every process still gets reaped: nothing is left behind for later probes.
 * shipshape's own cap (128) always ends the chain; the verdict asks whether the learner's limit
 * ended it earlier, at or below `maxPids`.
 */
import * as z from 'zod';
import { execOutcome, firstOutputLine } from './execOutcome.js';
import { TOOLBOX_BUSYBOX } from '../toolbox.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  maxPids: z.number().int().positive().max(120).default(100),
});

// $1 is this shell's depth, $2 the goal; a trailing command keeps the shell from exec'ing its child.
// The shell is shipshape's busybox, by its full path: an image's own `sh` could fake the count.
const CHAIN = `echo $1; if [ "$1" -lt "$2" ]; then ${TOOLBOX_BUSYBOX} sh -c "$0" "$0" $(($1 + 1)) "$2" 2>/dev/null; fi; exit 0`;

export const attackForkFlood: Probe<z.infer<typeof params>> = {
  id: 'attack-fork-flood',
  title: 'Attack: starting more processes than the app needs succeeded',
  passTitle: 'Attack: starting more processes than the app needs was stopped',
  fix: 'Set a process limit: pids_limit in compose (deploy.resources.limits.pids works too), --pids-limit with docker run.',
  item: 'runtime.resource-limits',
  params,
  async run({ execTrusted }, { maxPids }) {
    const goal = maxPids + 1;
    const result = await execTrusted(['sh', '-c', CHAIN, CHAIN, '1', String(goal)]);
    if (execOutcome(result) !== 'ran') return { passed: true, evidence: `the attacker had no shell to start processes with (${firstOutputLine(result)})` };
    const depths = result.stdout.split('\n').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const reached = depths.length > 0 ? Math.max(...depths) : 0;
    return reached >= goal
      ? { passed: false, evidence: `the attacker ran ${reached} processes at once, more than the ${maxPids} allowed: no PID limit of yours stopped them` }
      : { passed: true, evidence: `the PID limit stopped the attacker at ${reached} processes at once (allowed: ${maxPids})` };
  },
};
