/**
 * Attack replay: an unprivileged attacker runs each SUID-root program and checks whether the
 * kernel hands it root's effective uid. BusyBox copies (the course's images) are driven through
 * their `su` applet, which keeps root's uid while it waits for a password: the attacker then
 * sees `Uid: 1000 0 0 0` in /proc. Their `ping` applet shows what that uid buys: a raw socket,
 * which the attacker alone may not open. `no-new-privileges` or removing the SUID bit stops
 * both. When the app runs as root, the attacker plays `nobody` (65534).
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { ExecResult } from '../container.js';
import { TOOLBOX_BUSYBOX } from '../toolbox.js';
import { execAs } from './execAs.js';
import { statusUids } from './procStatus.js';
import type { Probe, ProbeContext } from './types.js';

const NOBODY = '65534:65534';
const PING = ['ping', '-c', '1', '-W', '1', '127.0.0.1'];
// Park the `su` applet on a password prompt fed by a pipe, then read every process's Uid line.
// Every tool but the SUID program under attack ("$1") is shipshape's busybox ("$2").
const PARK_SU = '"$2" sleep 2 | "$1" su root >/dev/null 2>&1 & "$2" sleep 1; "$2" grep -H "^Uid:" /proc/[0-9]*/status; wait';

export const attackSuidEscalation: Probe = {
  id: 'attack-suid-escalation',
  title: 'Attack: a SUID program made the attacker root',
  passTitle: 'Attack: no SUID program made the attacker root',
  fix: 'Strip SUID/SGID bits in the final stage (RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +) and set no-new-privileges.',
  item: 'runtime.no-new-privileges',
  params: z.strictObject({}),
  async run(context) {
    // Who the app runs as and which SUID-root programs exist are both only looked at: asked together.
    const [appIdentity, search] = await Promise.all([
      context.execTrusted(['id', '-u']),
      context.execTrusted(['find', '/', '-xdev', '-perm', '-4000', '-user', '0', '-type', 'f'], { user: '0' }),
    ]);
    const appUid = appIdentity.stdout.trim();
    const attackerIsNobody = appUid === '0' || appUid === '';
    // The attacker's own tools are shipshape's busybox; only the SUID program is the image's.
    const attacker = (cmd: string[]) => context.execTrusted(cmd, attackerIsNobody ? { user: NOBODY } : undefined);
    const suidProgram = (cmd: string[]) => (attackerIsNobody ? execAs(context, NOBODY, cmd) : context.exec(cmd));
    const attackerUid = attackerIsNobody ? 65534 : Number(appUid);
    const who = attackerIsNobody ? 'the attacker (as nobody, uid 65534, since the app itself runs as root)' : `the attacker (as the app, uid ${attackerUid})`;

    const programs = search.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (programs.length === 0) return { passed: true, evidence: `${who} found no SUID-root program to abuse` };

    const escalations: string[] = [];
    const held: string[] = [];
    const untried: string[] = [];
    const plainPing = await attacker(PING);
    for (const program of programs) {
      const outcome = await attackWith(attacker, suidProgram, attackerUid, program, plainPing.exitCode !== 0);
      if (outcome === 'not-busybox') untried.push(program);
      else if (outcome.length > 0) escalations.push(`${program}: ${outcome.join(' and ')}`);
      else held.push(program);
    }
    const untriedText = untried.length > 0 ? `; not tried (no known way to drive them): ${untried.join(', ')}` : '';
    if (escalations.length > 0) return { passed: false, evidence: `${who} ran SUID-root programs and gained root: ${escalations.join('; ')}${untriedText}` };
    const heldText = held.length > 0 ? `${who} ran ${held.join(', ')} but did not get root's uid` : `${who} could not try any SUID-root program`;
    return { passed: true, evidence: `${heldText}${untriedText}` };
  },
};

/** What the attacker achieved with one program, or 'not-busybox' when it cannot be driven. */
async function attackWith(
  attacker: (cmd: string[]) => Promise<ExecResult>,
  suidProgram: (cmd: string[]) => Promise<ExecResult>,
  attackerUid: number,
  program: string,
  pingNeedsRoot: boolean,
): Promise<string[] | 'not-busybox'> {
  // BusyBox picks the applet from the name it is called by; a link named `busybox` works for any copy.
  const linkDir = `/dev/shm/.shipshape-suid-${randomBytes(4).toString('hex')}`;
  const linked = (await attacker(['mkdir', linkDir])).exitCode === 0 && (await attacker(['ln', '-s', program, `${linkDir}/busybox`])).exitCode === 0;
  const entry = linked ? `${linkDir}/busybox` : program;
  try {
    const help = await suidProgram([entry, '--help']);
    if (!/BusyBox/.test(`${help.stdout}${help.stderr}`)) return 'not-busybox';
    const gained: string[] = [];
    const parked = await attacker(['sh', '-c', PARK_SU, 'attack', entry, TOOLBOX_BUSYBOX]);
    const rootUid = parked.stdout.split('\n').some((line) => {
      const uids = statusUids(line.replace(/^[^:]*:/, ''));
      return uids !== undefined && uids.real === attackerUid && uids.effective === 0;
    });
    if (rootUid) gained.push(`a process it started had effective uid 0 (root)`);
    if (pingNeedsRoot && (await suidProgram([entry, ...PING])).exitCode === 0) gained.push('it opened a raw socket (`ping`), which the attacker alone may not');
    return gained;
  } finally {
    await attacker(['rm', '-rf', linkDir]);
  }
}
