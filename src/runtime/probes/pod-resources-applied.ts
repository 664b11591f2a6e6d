/**
 * A Kubernetes container's resources.limits, applied through Docker, are in force: the memory
 * and CPU limits the manifest asks for are the ones the cgroup enforces. Kubernetes has no
 * per-container PID limit (the kubelet sets one per node), so unlike `resource-limits` no PID
 * limit is asked for. shipshape's own safety caps never count.
 */
import * as z from 'zod';
import { bytesInWords, describeRequested, requestedLimits } from './resourceLimits.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  maxMemoryBytes: z.number().int().positive(),
  requireCpuLimit: z.boolean().default(true),
});

export const podResourcesApplied: Probe<z.infer<typeof params>> = {
  id: 'pod-resources-applied',
  title: "The manifest's resource limits are not in force",
  passTitle: "The manifest's resource limits are in force",
  fix: "Give the container `resources.limits` for `memory` (within what the task allows) and `cpu`, next to its `requests`.",
  item: 'k8s.resources',
  params,
  async run(context, { maxMemoryBytes, requireCpuLimit }) {
    const requested = requestedLimits(context.requested);
    const problems: string[] = [];
    if (requested.memoryBytes === undefined) problems.push('no memory limit was set (resources.limits.memory)');
    else if (requested.memoryBytes > maxMemoryBytes) problems.push(`the memory limit ${bytesInWords(requested.memoryBytes)} is above the ${bytesInWords(maxMemoryBytes)} allowed`);
    if (requireCpuLimit && requested.cpus === undefined) problems.push('no CPU limit was set (resources.limits.cpu)');
    const memory = await context.execTrusted(['cat', '/sys/fs/cgroup/memory.max']);
    const cgroup = memory.exitCode === 0 ? `; memory.max inside the container: ${memory.stdout.trim()}` : '';
    const asked = `the container runs with ${describeRequested(requested)}${cgroup}`;
    return problems.length === 0 ? { passed: true, evidence: asked } : { passed: false, evidence: `${problems.join('; ')} (${asked}; shipshape's own safety caps do not count)` };
  },
};
