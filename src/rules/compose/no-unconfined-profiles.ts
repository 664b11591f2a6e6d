/**
 * `security_opt` entries that switch a kernel filter off: `seccomp:unconfined`,
 * `apparmor:unconfined`, `label:disable` (SELinux) and `systempaths=unconfined` (unmasks /proc
 * and /sys paths). Either separator counts. Custom profiles (`seccomp:./profile.json`) are
 * not judged here.
 */
import { securityOption } from '../../analysis/composeSecurityOptions.js';
import { ownSequence } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

/** `name=value` pairs that disable a protection, with what is lost. */
const DISABLING_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['seccomp=unconfined', "removes Docker's seccomp filter, so every system call reaches the kernel"],
  ['apparmor=unconfined', 'removes the AppArmor profile that keeps the container away from host files and mounts'],
  ['label=disable', 'turns SELinux separation off for the container'],
  ['systempaths=unconfined', 'unmasks /proc and /sys paths that Docker hides from containers'],
]);

export const noUnconfinedProfiles: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-unconfined-profiles',
    severity: 'error',
    title: 'A service switches off seccomp, AppArmor or SELinux',
    passTitle: 'Every service keeps seccomp, AppArmor and SELinux on',
    why:
      "Docker's default seccomp profile blocks the system calls most kernel exploits and escapes need " +
      '(`keyctl`, `unshare`, `mount`, `bpf` and dozens more); AppArmor and SELinux keep a container away from ' +
      'host files even when something else went wrong. Running unconfined hands an attacker the whole ' +
      'kernel attack surface, so one kernel bug becomes a host takeover.',
    fix:
      'Remove `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` or `systempaths=unconfined` from ' +
      "`security_opt`. If one system call is missing, write a profile that adds just it to Docker's default " +
      'and point to it with `seccomp:./seccomp.json`.',
    item: 'runtime.seccomp-lsm',
    references: ['cis-docker:5.21', 'cis-docker:5.1'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      ownSequence(service, 'security_opt').flatMap(({ value, path }) => {
        if (typeof value !== 'string') return [];
        const option = securityOption(value);
        const loss = DISABLING_OPTIONS.get(`${option.name}=${(option.value ?? '').toLowerCase()}`);
        if (loss === undefined) return [];
        const { line, column } = model.document.positionOf(path);
        return [{ line, column, message: `\`security_opt: ${value}\` in service ${service.name} ${loss}` }];
      }),
    );
  },
};
