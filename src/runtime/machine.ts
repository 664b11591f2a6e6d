/**
 * Facts about where this process runs, for owner labels (labels.ts): which machine a pid belongs
 * to, and whether a pid is alive there. The edge that reads the kernel; labels.ts stays pure.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

let cached: string | undefined;

/**
 * A stable id for "the place where our pids mean something": on Linux the boot and the pid
 * namespace (two containers on one kernel have separate pid spaces); elsewhere the machine id
 * or, failing that, the host name and hardware addresses. Hashed, so nothing identifying leaks
 * into labels on a shared engine.
 */
export function machineId(): string {
  cached ??= createHash('sha256').update(machineFacts().join('\n')).digest('hex').slice(0, 12);
  return cached;
}

function machineFacts(): string[] {
  const facts = [os.hostname()];
  for (const file of ['/proc/sys/kernel/random/boot_id', '/etc/machine-id', '/var/lib/dbus/machine-id']) {
    const value = readOrEmpty(() => readFileSync(file, 'utf8').trim());
    if (value) facts.push(value);
  }
  const pidNamespace = readOrEmpty(() => readlinkSync('/proc/self/ns/pid'));
  if (pidNamespace) facts.push(pidNamespace);
  else {
    const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.mac));
    facts.push(...[...new Set(addresses)].filter((mac) => mac !== '00:00:00:00:00:00').sort());
  }
  return facts;
}

function readOrEmpty(read: () => string): string {
  try {
    return read();
  } catch {
    // Not Linux, or not readable here: the other facts still identify the machine.
    return '';
  }
}

export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
