/**
 * `shipshape doctor`'s judgement: facts about this machine in, a list of findings out, each
 * problem with the command that fixes it. Pure, so every diagnosis (no engine, DOCKER_HOST
 * pointing nowhere, a missing base image) is tested without breaking a machine. The facts are
 * gathered by gatherFacts.ts.
 */

export interface DoctorFacts {
  nodeVersion: string;
  /** The Node range package.json asks for, e.g. ">=20.19". */
  nodeRequired: string;
  endpoint: { host: string; source: string; fromDockerHost: boolean } | { error: string };
  /** What kind of engine the endpoint looks like, from its address. */
  engineKind: string | undefined;
  engine: { reached: true; version: string; apiVersion: string; os: string; rootless: boolean; buildKit: boolean } | { reached: false; error: string };
  /** undefined when no engine answered, so nothing could be asked. */
  images: { reference: string; present: boolean; standIn: boolean }[] | undefined;
  freeDiskBytes: number | undefined;
  dataDir: string;
  /** Labelled containers and images on the engine; undefined without an engine. */
  leftovers: { containers: number; images: number; orphans: number } | undefined;
}

export type FindingStatus = 'ok' | 'warning' | 'problem';

export interface DoctorFinding {
  id: 'node' | 'engine' | 'buildkit' | 'base-images' | 'disk' | 'leftovers';
  status: FindingStatus;
  summary: string;
  /** The command or step that fixes it (problems and warnings). */
  fix?: string;
}

export interface Diagnosis {
  ok: boolean;
  findings: DoctorFinding[];
}

const MIN_FREE_BYTES = 2 * 1024 ** 3;

export function diagnose(facts: DoctorFacts): Diagnosis {
  const findings: DoctorFinding[] = [nodeFinding(facts), engineFinding(facts)];
  if (facts.engine.reached) {
    findings.push(
      facts.engine.buildKit
        ? { id: 'buildkit', status: 'ok', summary: 'BuildKit is available (build secrets work)' }
        : { id: 'buildkit', status: 'warning', summary: `engine ${facts.engine.version} predates BuildKit: challenges with build secrets cannot run`, fix: 'upgrade the Docker engine to 18.09 or later' },
    );
  }
  if (facts.images) findings.push(imagesFinding(facts.images));
  if (facts.freeDiskBytes !== undefined) {
    const free = `${(facts.freeDiskBytes / 1024 ** 3).toFixed(1)} GiB free where shipshape keeps its data (${facts.dataDir})`;
    findings.push(facts.freeDiskBytes < MIN_FREE_BYTES ? { id: 'disk', status: 'problem', summary: `only ${free}`, fix: 'free some disk space (docker system prune removes unused images)' } : { id: 'disk', status: 'ok', summary: free });
  }
  if (facts.leftovers) {
    const { containers, images, orphans } = facts.leftovers;
    findings.push(
      orphans > 0
        ? {
            id: 'leftovers',
            status: 'warning',
            summary: `${orphans} labelled object(s) left by shipshape runs that ended (${containers} container(s) and ${images} image(s) labelled in all)`,
            fix: 'the next `shipshape check` removes them; or now: docker rm -f $(docker ps -aq --filter label=dev.shipshape.managed=true)',
          }
        : { id: 'leftovers', status: 'ok', summary: containers + images === 0 ? 'nothing left over by earlier runs' : `${containers} container(s), ${images} image(s) of checks still running` },
    );
  }
  return { ok: findings.every((f) => f.status !== 'problem'), findings };
}

function nodeFinding(facts: DoctorFacts): DoctorFinding {
  const [major = 0, minor = 0] = facts.nodeVersion.replace(/^v/, '').split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = facts.nodeRequired.replace(/^>=\s*/, '').split('.').map(Number);
  const ok = major > needMajor || (major === needMajor && minor >= needMinor);
  return ok
    ? { id: 'node', status: 'ok', summary: `Node ${facts.nodeVersion} (needs ${facts.nodeRequired})` }
    : { id: 'node', status: 'problem', summary: `Node ${facts.nodeVersion} is too old (needs ${facts.nodeRequired})`, fix: 'install Node 20.19 or later (e.g. nvm install 20)' };
}

function engineFinding(facts: DoctorFacts): DoctorFinding {
  if ('error' in facts.endpoint) {
    return { id: 'engine', status: 'problem', summary: `no usable Docker endpoint: ${facts.endpoint.error}`, fix: 'run `docker context ls` and `docker context use default`, or set DOCKER_HOST to a running engine' };
  }
  const { host, source, fromDockerHost } = facts.endpoint;
  const kind = facts.engineKind ? ` (${facts.engineKind})` : '';
  if (facts.engine.reached) {
    const rootless = facts.engine.rootless ? ', rootless' : '';
    return { id: 'engine', status: 'ok', summary: `engine ${facts.engine.version} (API ${facts.engine.apiVersion}, ${facts.engine.os}${rootless}) at ${host}${kind}, ${source}` };
  }
  if (fromDockerHost) {
    return {
      id: 'engine',
      status: 'problem',
      summary: `DOCKER_HOST=${host} but no engine answers there: ${facts.engine.error}`,
      fix: 'start the engine DOCKER_HOST names, or `unset DOCKER_HOST` to use the default one',
    };
  }
  return {
    id: 'engine',
    status: 'problem',
    summary: `no Docker engine answers at ${host}${kind} (${source}): ${facts.engine.error}`,
    fix: 'start one: Docker Desktop, `colima start`, `systemctl --user start podman.socket`, or `sudo systemctl start docker` (Linux)',
  };
}

function imagesFinding(images: NonNullable<DoctorFacts['images']>): DoctorFinding {
  const missing = images.filter((i) => !i.present).map((i) => i.reference);
  const standIns = images.filter((i) => i.present && i.standIn).map((i) => i.reference);
  if (missing.length > 0) {
    return {
      id: 'base-images',
      status: 'problem',
      summary: `base image(s) missing: ${missing.join(', ')} (${images.length - missing.length} of ${images.length} present)`,
      fix: 'shipshape images prepare (online), or offline: shipshape workshop load <bundle>',
    };
  }
  const note = standIns.length > 0 ? `; local stand-ins: ${standIns.join(', ')}` : '';
  return { id: 'base-images', status: 'ok', summary: `all ${images.length} base image(s) present${note}` };
}

/** The diagnosis as lines for a terminal. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  const mark = { ok: 'ok     ', warning: 'warning', problem: 'PROBLEM' } as const;
  const lines = diagnosis.findings.flatMap((f) => [`${mark[f.status]} ${f.id}: ${f.summary}`, ...(f.fix ? [`        fix: ${f.fix}`] : [])]);
  lines.push('', diagnosis.ok ? 'Ready: shipshape can check challenges here.' : 'Not ready: fix the problems above, then run shipshape doctor again.');
  return lines.join('\n');
}
