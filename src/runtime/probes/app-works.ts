/**
 * The app still does its job once it is hardened: a security fix that breaks the app is not a
 * fix. One of three shapes, chosen in challenge.yaml:
 *
 * - `http`: a web app. A GET from inside the container to its own port returns the expected
 *   status and a marker from the expected page (asked with shipshape's trusted `wget`).
 * - `log`: a worker. Its log shows the expected line, and it is still running a few seconds
 *   after it started (a worker that prints and dies is not working).
 * - `health`: the health Docker reports follows the app. Proven in two halves: the HEALTHCHECK
 *   command asks the app's own port and path and lets a failed request fail the check (read
 *   from the command, see healthcheckTarget.ts, because the app is usually PID 1 and cannot be
 *   stopped from inside without ending the container), and Docker reports it healthy while the
 *   app answers that same request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { framedLogText } from '../logFrames.js';
import { healthy } from './healthy.js';
import { healthcheckCommand, healthcheckTarget } from './healthcheckTarget.js';
import type { Probe, ProbeContext, ProbeVerdict } from './types.js';
import { wgetResponse } from './wgetResponse.js';

const port = z.number().int().min(1).max(65535);
const urlPath = z.string().startsWith('/').default('/');

const http = z.strictObject({
  port,
  path: urlPath,
  status: z.number().int().min(100).max(599).default(200),
  /** Text the page must contain, so a default or error page does not count. */
  contains: z.string().min(1),
});

const log = z.strictObject({
  /** Text a line of the container's log must contain. */
  contains: z.string().min(1),
  stillRunningAfterMs: z.number().int().min(500).max(30_000).default(3000),
});

const health = z.strictObject({
  port,
  path: urlPath,
  /** How long Docker may take to report healthy. */
  timeoutSeconds: z.number().positive().max(120).default(30),
});

const params = z
  .strictObject({ http: http.optional(), log: log.optional(), health: health.optional() })
  .refine((p) => [p.http, p.log, p.health].filter((shape) => shape !== undefined).length === 1, { message: 'give exactly one of http, log or health' });

type Params = z.infer<typeof params>;

/**
 * The app may still be binding its port when the container reports running, and on a busy
 * shared engine one exec can take seconds: give the app a generous window and several asks,
 * but stop waiting as soon as the container has stopped.
 */
const ANSWER_WITHIN_MS = 12_000;
const MIN_ASKS = 3;
const RETRY_MS = 250;

export const appWorks: Probe<Params> = {
  id: 'app-works',
  title: 'The app no longer does its job',
  passTitle: 'The app still does its job',
  fix: 'Harden the container without taking away what the app needs: keep its command, its port and the files and folders it reads and writes (give it a tmpfs or a volume where the root filesystem is read-only).',
  // The lesson on telling "running" from "working" is the one a broken app points to.
  item: 'image.healthcheck',
  observesOnly: true,
  functional: true,
  params,
  async run(context, p) {
    if (p.http) return pageServed(context, p.http);
    if (p.log) return workerRunning(context, p.log);
    if (p.health) return healthFollowsApp(context, p.health);
    return { passed: false, evidence: 'app-works needs one of http, log or health' };
  },
};

async function pageServed(context: ProbeContext, { port, path, status, contains }: z.infer<typeof http>): Promise<ProbeVerdict> {
  const url = `http://127.0.0.1:${port}${path}`;
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  for (let asks = 1; ; asks++) {
    const response = wgetResponse(await context.execTrusted(['wget', '-S', '-q', '-O', '-', url]));
    if (response.kind === 'response') {
      if (response.status !== status) return { passed: false, evidence: `GET ${url} from inside the container answered ${response.statusLine}, not ${status}` };
      if (!response.body.includes(contains)) return { passed: false, evidence: `GET ${url} answered ${response.status}, but the page does not contain "${contains}": ${preview(response.body)}` };
      return { passed: true, evidence: `GET ${url} from inside the container answered ${response.status} with the expected page (it contains "${contains}")` };
    }
    const stopped = await stoppedNote(context);
    if (stopped || (Date.now() >= deadline && asks >= MIN_ASKS)) {
      const waited = stopped ? '' : ` within ${ANSWER_WITHIN_MS / 1000} s`;
      return { passed: false, evidence: `nothing answered GET ${url} from inside the container${waited}: ${response.reason}${stopped}` };
    }
    await sleep(RETRY_MS);
  }
}

async function workerRunning(context: ProbeContext, { contains, stillRunningAfterMs }: z.infer<typeof log>): Promise<ProbeVerdict> {
  const startedAt = Date.parse(context.containerInfo.State.StartedAt);
  const wait = (Number.isNaN(startedAt) ? stillRunningAfterMs : startedAt + stillRunningAfterMs - Date.now());
  if (wait > 0) await sleep(wait);
  const info = await context.container.inspect();
  const text = framedLogText((await context.container.logs({ stdout: true, stderr: true, tail: 200 })) as unknown as Buffer);
  const seen = text.split('\n').some((line) => line.includes(contains));
  if (!info.State.Running) return { passed: false, evidence: `the worker stopped (exit ${info.State.ExitCode}) within ${stillRunningAfterMs / 1000} s of starting; its log: ${preview(text)}` };
  if (!seen) return { passed: false, evidence: `the worker is running, but its log has no line with "${contains}" after ${stillRunningAfterMs / 1000} s: ${preview(text)}` };
  return { passed: true, evidence: `the worker logged "${contains}" and was still running ${stillRunningAfterMs / 1000} s after it started` };
}

async function healthFollowsApp(context: ProbeContext, { port, path, timeoutSeconds }: z.infer<typeof health>): Promise<ProbeVerdict> {
  const check = context.containerInfo.Config.Healthcheck ?? context.image.Config.Healthcheck;
  const test = check?.Test ?? [];
  if (test.length === 0 || test[0] === 'NONE') return { passed: false, evidence: 'there is no HEALTHCHECK, so the health Docker reports cannot follow the app' };
  const command = healthcheckCommand(test);
  const target = healthcheckTarget(command);
  const asked = target.urls.find((url) => url.port === port && url.path === path);
  if (!asked) {
    const seen = target.urls.map((url) => `port ${url.port} path ${url.path}`).join(', ');
    return { passed: false, evidence: `the healthcheck \`${command}\` does not ask the app's own page (port ${port}, path ${path}) on the container itself${seen ? `; it asks ${seen}` : ''}, so it cannot tell whether the app answers` };
  }
  if (target.masksFailure) return { passed: false, evidence: `the healthcheck \`${command}\` ends with \`${target.masksFailure}\`, so it reports healthy even when the app does not answer` };
  const reported = await healthy.run(context, { timeoutSeconds });
  if (!reported.passed) return reported;
  const page = await pageServedStatus(context, port, path);
  return { passed: true, evidence: `the healthcheck asks the app's own page (port ${port}, path ${path}) and fails when that request fails; ${reported.evidence}; ${page}` };
}

async function pageServedStatus(context: ProbeContext, port: number, path: string): Promise<string> {
  const response = wgetResponse(await context.execTrusted(['wget', '-S', '-q', '-O', '/dev/null', `http://127.0.0.1:${port}${path}`]));
  return response.kind === 'response' ? `the app answers that page with ${response.status}` : `asked directly, the page gave no answer (${response.reason})`;
}

async function stoppedNote(context: ProbeContext): Promise<string> {
  const info = await context.container.inspect().catch(() => undefined);
  return info && !info.State.Running ? ` (the container stopped, exit ${info.State.ExitCode})` : '';
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'empty';
  return flat.length > 160 ? `${flat.slice(0, 160)}...` : flat;
}
