import { describe, expect, it } from 'vitest';
import { parseKubernetes } from '../../parse/kubernetes.js';
import { fromKubernetes } from './fromKubernetes.js';

/** A Pod named `web` whose single container `app` has the given YAML (and the pod `podExtra`). */
function pod(container: string, podExtra = ''): string {
  const body = container.split('\n').map((line) => `      ${line}`).join('\n');
  const extra = podExtra.split('\n').map((line) => `  ${line}`).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${extra}\n  containers:\n    - name: app\n      image: app:1\n${body}\n`;
}

function translate(container: string, podExtra = '') {
  return fromKubernetes(parseKubernetes(pod(container, podExtra), 'pod.yaml'));
}

describe('fromKubernetes: securityContext', () => {
  it('translates a restricted container completely', () => {
    const settings = translate(
      'securityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n  runAsNonRoot: true\n  readOnlyRootFilesystem: true\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault',
    );
    expect(settings).toMatchObject({ user: '10001', group: '10001', requireNonRoot: true, refusals: [], invalid: [] });
    expect(settings.host).toEqual({ ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] });
    expect(settings.notes).toEqual([]);
  });

  it.each([
    ['runAsUser from the pod', '', 'securityContext:\n  runAsUser: 2000', { user: '2000' }],
    ['the container overrides the pod', 'securityContext:\n  runAsUser: 3000', 'securityContext:\n  runAsUser: 2000', { user: '3000' }],
    ['runAsGroup alone', 'securityContext:\n  runAsGroup: 4000', '', { group: '4000' }],
    ['runAsNonRoot from the pod', '', 'securityContext:\n  runAsNonRoot: true', { requireNonRoot: true }],
  ])('%s', (_name, container, podExtra, expected) => {
    expect(translate(container, podExtra)).toMatchObject(expected);
  });

  it.each([
    ['capabilities added back', 'capabilities:\n  drop: [ALL]\n  add: [NET_BIND_SERVICE]', { CapDrop: ['ALL'], CapAdd: ['NET_BIND_SERVICE'] }],
    ['capability names with CAP_', 'capabilities:\n  drop: [CAP_NET_RAW]', { CapDrop: ['NET_RAW'] }],
    ['allowPrivilegeEscalation true', 'allowPrivilegeEscalation: true', {}],
    ['seccomp RuntimeDefault', 'seccompProfile:\n  type: RuntimeDefault', {}],
  ])('%s', (_name, context, host) => {
    const indented = context.split('\n').map((line) => `  ${line}`).join('\n');
    expect(translate(`securityContext:\n${indented}`).host).toEqual(host);
  });

  it('adds fsGroup and supplementalGroups as groups', () => {
    const settings = translate('', 'securityContext:\n  fsGroup: 2000\n  supplementalGroups: [3000, 2000]');
    expect(settings.host.GroupAdd).toEqual(['2000', '3000']);
    expect(settings.notes.join('\n')).toMatch(/fsGroup: added as a supplementary group/);
  });

  it('rejects a runAsUser that is not a number', () => {
    expect(translate('securityContext:\n  runAsUser: web').invalid.map((i) => i.setting)).toEqual(['securityContext.runAsUser']);
  });
});

describe('fromKubernetes: settings no exercise may have, named as written', () => {
  it.each([
    ['privileged', 'securityContext:\n  privileged: true', '', 'securityContext.privileged: true'],
    ['seccomp Unconfined', 'securityContext:\n  seccompProfile:\n    type: Unconfined', '', 'seccompProfile: Unconfined'],
    ['AppArmor Unconfined', 'securityContext:\n  appArmorProfile:\n    type: Unconfined', '', 'appArmorProfile: Unconfined'],
    ['an unmasked /proc', 'securityContext:\n  procMount: Unmasked', '', 'procMount: Unmasked'],
    ['SYS_ADMIN', 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]', '', 'capabilities.add: SYS_ADMIN'],
    ['hostNetwork', '', 'hostNetwork: true', 'hostNetwork: true'],
    ['hostPID', '', 'hostPID: true', 'hostPID: true'],
    ['hostIPC', '', 'hostIPC: true', 'hostIPC: true'],
    ['a mounted hostPath', 'volumeMounts:\n  - name: sock\n    mountPath: /var/run/docker.sock', 'volumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock', 'hostPath volume "sock" (/var/run/docker.sock)'],
    ['a hostPath this container does not mount', '', 'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log', 'hostPath volume "logs" (/var/log)'],
  ])('refuses %s', (_name, container, podExtra, setting) => {
    expect(translate(container, podExtra).refusals.map((r) => r.setting)).toContain(setting);
  });

  it('says why the Docker socket is refused', () => {
    const settings = translate('volumeMounts:\n  - name: sock\n    mountPath: /run/docker.sock', 'volumes:\n  - name: sock\n    hostPath:\n      path: /run/docker.sock');
    expect(settings.host.Binds).toEqual(['/run/docker.sock:/run/docker.sock']);
    expect(settings.refusals[0]?.reason).toMatch(/root on the host/);
  });
});

describe('fromKubernetes: resources and volumes', () => {
  it.each([
    ['128Mi', '500m', { Memory: 128 * 1024 ** 2, NanoCpus: 500_000_000 }],
    ['1Gi', '1', { Memory: 1024 ** 3, NanoCpus: 1_000_000_000 }],
    ['500M', '0.25', { Memory: 500_000_000, NanoCpus: 250_000_000 }],
  ])('limits memory %s and cpu %s', (memory, cpu, host) => {
    expect(translate(`resources:\n  limits:\n    memory: ${memory}\n    cpu: "${cpu}"\n  requests:\n    memory: 64Mi`).host).toEqual(host);
  });

  it.each([
    ['a memory quantity that is not one', 'memory: 128MB', 'resources.limits.memory'],
    ['a memory limit below the engine minimum', 'memory: 1Mi', 'resources.limits.memory'],
    ['a cpu below the engine minimum', 'cpu: 1m', 'resources.limits.cpu'],
  ])('rejects %s', (_name, limit, setting) => {
    expect(translate(`resources:\n  limits:\n    ${limit}`).invalid.map((i) => i.setting)).toEqual([setting]);
  });

  it('mounts emptyDir volumes as tmpfs at their mountPaths', () => {
    const settings = translate(
      'securityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp\n  - name: cache\n    mountPath: /var/cache/app',
      'volumes:\n  - name: tmp\n    emptyDir: {}\n  - name: cache\n    emptyDir:\n      medium: Memory\n      sizeLimit: 16Mi',
    );
    expect(settings.host).toEqual({ ReadonlyRootfs: true, Tmpfs: { '/tmp': 'exec,mode=777', '/var/cache/app': `exec,mode=777,size=${16 * 1024 ** 2}` } });
    expect(settings.notes).toEqual(['emptyDir "tmp" at /tmp: a tmpfs stands in for the node\'s disk']);
  });

  it('notes volumes whose source lives in a cluster', () => {
    const settings = translate('volumeMounts:\n  - name: config\n    mountPath: /etc/app', 'volumes:\n  - name: config\n    configMap:\n      name: app-config');
    expect(settings.notes.join('\n')).toMatch(/volume "config" at \/etc\/app: not mounted/);
  });

  it('rejects a mount of a volume the pod does not define', () => {
    expect(translate('volumeMounts:\n  - name: nope\n    mountPath: /x').invalid.map((i) => i.setting)).toEqual(['volumeMounts: nope']);
  });
});

describe('fromKubernetes: process and environment', () => {
  it('sets literal values, expands $(NAME), and puts placeholders for Secrets', () => {
    const settings = translate(
      'env:\n  - name: MODE\n    value: production\n  - name: BANNER\n    value: "$(MODE) mode, $$(MODE) literally"\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n  - name: POD\n    valueFrom:\n      fieldRef:\n        fieldPath: metadata.name',
    );
    expect(settings.env).toEqual(['MODE=production', 'BANNER=production mode, $(MODE) literally', 'DB_PASSWORD=placeholder-db_password', 'POD=web']);
    expect(settings.notes).toEqual(['env DB_PASSWORD: comes from key password of Secret db; set to a placeholder, since shipshape does not read a cluster']);
  });

  it('maps command to the entrypoint and args to the command', () => {
    const settings = translate('command: ["httpd"]\nargs: ["-f", "-p", "8080"]\nworkingDir: /srv/www');
    expect(settings).toMatchObject({ entrypoint: ['httpd'], cmd: ['-f', '-p', '8080'], workingDir: '/srv/www' });
  });

  it('notes ports, since the container has no network', () => {
    expect(translate('ports:\n  - containerPort: 8080').notes.join('\n')).toMatch(/ports: not published/);
  });
});

describe('fromKubernetes: probes become the healthcheck', () => {
  it('runs an exec liveness probe with Kubernetes timings', () => {
    const settings = translate('livenessProbe:\n  exec:\n    command: ["cat", "/tmp/healthy"]\n  periodSeconds: 5\n  initialDelaySeconds: 2');
    expect(settings.healthcheck).toEqual({ Test: ['CMD', 'cat', '/tmp/healthy'], Interval: 5e9, Timeout: 1e9, Retries: 3, StartPeriod: 2e9 });
  });

  it('checks an httpGet probe with wget inside the container, resolving a named port', () => {
    const settings = translate('ports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet:\n    path: /healthz\n    port: http\n  failureThreshold: 5');
    expect(settings.healthcheck).toMatchObject({ Test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:8080/healthz'], Retries: 5 });
    expect(settings.notes.join('\n')).toMatch(/readinessProbe.httpGet: checked from inside the container/);
  });

  it('prefers liveness and says which probes were left out', () => {
    const settings = translate('livenessProbe:\n  exec:\n    command: ["true"]\nreadinessProbe:\n  tcpSocket:\n    port: 8080');
    expect(settings.healthcheck?.Test).toEqual(['CMD', 'true']);
    expect(settings.notes).toContain('readinessProbe: not applied; the container\'s healthcheck follows the livenessProbe');
  });

  it('notes a probe kind it cannot run', () => {
    const settings = translate('livenessProbe:\n  tcpSocket:\n    port: 8080');
    expect(settings.healthcheck).toBeUndefined();
    expect(settings.notes.join('\n')).toMatch(/only exec and httpGet probes/);
  });
});

describe('fromKubernetes: choosing the container', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: app:1
      containers:
        - name: api
          image: app:1
          securityContext:
            runAsUser: 1001
        - name: sidecar
          image: proxy:1
          securityContext:
            runAsUser: 1002
`;

  it('takes the first container of the first pod spec by default, skipping init containers', () => {
    const settings = fromKubernetes(parseKubernetes(deployment, 'deploy.yaml'));
    expect(settings.user).toBe('1001');
    expect(settings.source).toBe('deploy.yaml, container api of Deployment shop');
    expect(settings.notes).toContain('only api is started; not run: sidecar, migrate');
  });

  it('takes the container named by the challenge', () => {
    expect(fromKubernetes(parseKubernetes(deployment, 'deploy.yaml'), 'sidecar').user).toBe('1002');
  });

  it('names the containers there are when the one asked for is missing', () => {
    expect(fromKubernetes(parseKubernetes(deployment, 'deploy.yaml'), 'web').invalid[0]?.reason).toBe('deploy.yaml has no container named "web" (containers: api, sidecar, migrate)');
  });

  it('says so when the manifest has no workload', () => {
    const settings = fromKubernetes(parseKubernetes('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', 'svc.yaml'));
    expect(settings.invalid[0]?.reason).toBe('svc.yaml has no workload with a container');
  });
});
