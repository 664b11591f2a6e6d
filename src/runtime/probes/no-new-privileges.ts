/**
 * `no-new-privileges` makes the kernel ignore SUID bits and file capabilities for the app and
 * everything it starts. The kernel reports the flag per process as `NoNewPrivs:` in
 * /proc/<pid>/status; the app is pid 1.
 */
import * as z from 'zod';
import { firstOutputLine } from './execOutcome.js';
import { statusField, statusLine } from './procStatus.js';
import type { Probe } from './types.js';

export const noNewPrivileges: Probe = {
  id: 'no-new-privileges',
  title: 'The app can gain privileges through SUID programs',
  passTitle: 'The app cannot gain privileges through SUID programs',
  fix: 'Set no-new-privileges: security_opt: ["no-new-privileges:true"] in compose, --security-opt no-new-privileges with docker run, allowPrivilegeEscalation: false in Kubernetes.',
  item: 'runtime.no-new-privileges',
  observesOnly: true,
  params: z.strictObject({}),
  async run({ execTrusted }) {
    const status = await execTrusted(['cat', '/proc/1/status']);
    if (status.exitCode !== 0) return { passed: false, evidence: `could not read /proc/1/status inside the container: ${firstOutputLine(status)}` };
    const line = statusLine(status.stdout, 'NoNewPrivs');
    if (line === undefined) return { passed: false, evidence: '/proc/1/status has no NoNewPrivs line: this kernel does not report the flag' };
    return statusField(status.stdout, 'NoNewPrivs') === '1'
      ? { passed: true, evidence: `/proc/1/status shows \`${line}\`: SUID bits are ignored` }
      : { passed: false, evidence: `/proc/1/status shows \`${line}\`: a SUID program would still run with its owner's rights` };
  },
};
