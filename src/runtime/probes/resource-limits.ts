/**
 * Memory, PID and CPU limits. shipshape always caps its containers (see ../limits.ts), so "is
 * there a limit in the cgroup" would pass every learner: the verdict judges the limits the
 * learner asked for, and the cgroup files seen inside the container are the evidence.
 */
import * as z from 'zod';
import type { ExecResult } from '../container.js';
import { type CgroupFiles, describeCgroup, describeRequested, limitProblems, requestedLimits } from './resourceLimits.js';
import type { Probe, ProbeContext } from './types.js';

const params = z.strictObject({
  maxMemoryBytes: z.number().int().positive().optional(),
  maxPids: z.number().int().positive().optional(),
  requireCpuLimit: z.boolean().optional(),
});

export const resourceLimits: Probe<z.infer<typeof params>> = {
  id: 'resource-limits',
  title: 'Memory, PID or CPU limits are missing',
  passTitle: 'Memory, PID and CPU limits are set',
  fix: 'Set all three: mem_limit, cpus and pids_limit in compose (or deploy.resources.limits memory, cpus and pids), resources.limits in Kubernetes.',
  item: 'runtime.resource-limits',
  observesOnly: true,
  params,
  async run(context, maxima) {
    const requested = requestedLimits(context.requested);
    const problems = limitProblems(requested, maxima);
    const seen = describeCgroup(await readCgroupFiles(context));
    const asked = `you asked for ${describeRequested(requested)}`;
    return problems.length === 0
      ? { passed: true, evidence: `${asked}; ${seen}` }
      : { passed: false, evidence: `${problems.join('; ')} (${asked}; shipshape's own safety caps do not count); ${seen}` };
  },
};

async function readCgroupFiles(context: ProbeContext): Promise<CgroupFiles> {
  const read = async (file: string) => valueOf(await context.execTrusted(['cat', file]));
  const v2Memory = await read('/sys/fs/cgroup/memory.max');
  if (v2Memory !== undefined) {
    return { version: 2, memory: v2Memory, pids: await read('/sys/fs/cgroup/pids.max'), cpu: await read('/sys/fs/cgroup/cpu.max') };
  }
  return {
    version: 1,
    memory: await read('/sys/fs/cgroup/memory/memory.limit_in_bytes'),
    pids: await read('/sys/fs/cgroup/pids/pids.max'),
    cpu: await read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'),
    cpuPeriod: await read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'),
  };
}

function valueOf(result: ExecResult): string | undefined {
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
