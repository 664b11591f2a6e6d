/**
 * What no exercise may ever grant, checked on the final container settings before anything is
 * created. A learner's file may ask for privileged mode or the Docker socket; the runner refuses
 * to be the one that hands it out, whatever a static check said.
 */
import type Docker from 'dockerode';

/** Capabilities an exercise may add back after dropping ALL. */
export const allowedAddedCapabilities = new Set(['NET_BIND_SERVICE', 'CHOWN', 'SETUID', 'SETGID', 'DAC_OVERRIDE', 'FOWNER', 'KILL']);

export interface Refusal {
  setting: string;
  reason: string;
}

/**
 * @example refusalsFor({ Privileged: true })[0]?.setting // 'privileged'
 */
export function refusalsFor(host: Docker.HostConfig): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (setting: string, reason: string) => refusals.push({ setting, reason });
  if (host.Privileged) refuse('privileged', 'privileged mode gives the container every capability and all host devices');
  if (host.NetworkMode && host.NetworkMode !== 'none') refuse(
      `network_mode: ${host.NetworkMode}`,
      host.NetworkMode === 'host'
        ? "the host's network namespace lets the container reach every service listening on the host, even on localhost, and bind its ports; exercise containers run without a network"
        : 'exercise containers run without a network',
    );
  if (host.PidMode === 'host') refuse('pid: host', "the host's process namespace lets the container see and signal host processes");
  if (host.IpcMode === 'host') refuse('ipc: host', "the host's IPC namespace exposes host shared memory");
  if (host.UTSMode === 'host') refuse('uts: host', "the host's UTS namespace lets the container rename the host");
  if (host.UsernsMode === 'host') refuse('userns_mode: host', 'it disables user namespace remapping');
  if ((host.Devices ?? []).length > 0) refuse('devices', 'host devices are not available to exercises');
  for (const bind of host.Binds ?? []) refuse(`volume ${bind}`, describeHostMount(bind.split(':')[0] ?? bind));
  for (const mount of host.Mounts ?? []) {
    if (mount.Type === 'bind') refuse(`mount ${mount.Source}`, describeHostMount(mount.Source));
  }
  for (const cap of host.CapAdd ?? []) {
    const name = cap.toUpperCase().replace(/^CAP_/, '');
    if (!allowedAddedCapabilities.has(name)) refuse(`cap_add: ${cap}`, `${name} is not on the list of capabilities an exercise may add`);
  }
  for (const option of host.SecurityOpt ?? []) {
    if (/unconfined/.test(option)) refuse(`security_opt: ${option}`, 'the default seccomp/AppArmor confinement stays on');
  }
  return refusals;
}

function describeHostMount(source: string): string {
  return /docker\.sock|podman\.sock|containerd\.sock/.test(source)
    ? 'the container engine socket gives whoever holds it root on the host'
    : 'host paths are never mounted into exercise containers';
}

export class RefusedSettingsError extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(`Refused before starting any container: ${refusals.map((r) => `${r.setting} (${r.reason})`).join('; ')}`);
    this.name = 'RefusedSettingsError';
  }
}
