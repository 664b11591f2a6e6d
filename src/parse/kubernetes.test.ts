import { describe, expect, it } from 'vitest';
import { effectiveSecurityContext, parseKubernetes, workloadKinds } from './kubernetes.js';
import { InputError } from './position.js';

const containersBlock = (indent: string) =>
  [
    `${indent}containers:`,
    `${indent}  - name: app`,
    `${indent}    image: busybox:1.36.1`,
  ].join('\n');

/** A minimal object of each workload kind, with the pod spec nested where that kind keeps it. */
const workloads: Record<string, { text: string; specPath: (string | number)[]; containerLine: number }> = {
  Pod: { text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n${containersBlock('  ')}\n`, specPath: ['spec'], containerLine: 7 },
  PodTemplate: {
    text: `apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n  spec:\n${containersBlock('    ')}\n`,
    specPath: ['template', 'spec'],
    containerLine: 8,
  },
  ...Object.fromEntries(
    ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'].map((kind) => [
      kind,
      {
        text: `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n${containersBlock('      ')}\n`,
        specPath: ['spec', 'template', 'spec'],
        containerLine: 9,
      },
    ]),
  ),
  CronJob: {
    text: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${containersBlock('          ')}\n`,
    specPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    containerLine: 11,
  },
};

describe('parseKubernetes', () => {
  it('knows every workload kind the rules rely on', () => {
    expect([...workloadKinds].sort()).toEqual(Object.keys(workloads).sort());
  });

  it.each(Object.entries(workloads))('finds the pod spec of a %s', (kind, { text, specPath, containerLine }) => {
    const model = parseKubernetes(text, 'w.yaml');
    expect(model.objects).toHaveLength(1);
    expect(model.objects[0]).toMatchObject({ kind, name: 'w', namespace: undefined, path: [] });
    expect(model.podSpecs).toHaveLength(1);
    const pod = model.podSpecs[0]!;
    expect(pod.path).toEqual(specPath);
    expect(pod.metadataPath).toEqual([...specPath.slice(0, -1), 'metadata']);
    expect(pod.containers.map((c) => c.name)).toEqual(['app']);
    expect(pod.object.document.positionOf(pod.containers[0]!.path).line).toBe(containerLine);
  });

  it('reads every document of a multi-document file, skipping empty ones', () => {
    const text = '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\n';
    const model = parseKubernetes(text, 'all.yaml');
    expect(model.objects.map((o) => [o.kind, o.name, o.namespace, o.document.index])).toEqual([
      ['Namespace', 'shop', undefined, 0],
      ['ConfigMap', 'cfg', 'shop', 2],
    ]);
    expect(model.podSpecs).toEqual([]);
    expect(model.objects[1]!.document.positionOf(model.objects[1]!.path).line).toBe(8);
  });

  it('unpacks a List into its items, with paths inside it', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: a, labels: {app: a}}',
      '    spec:',
      '      containers: [{name: c, image: busybox:1.36.1}]',
      '  - apiVersion: v1',
      '    kind: Service',
      '    metadata: {name: s}',
      '',
    ].join('\n');
    const model = parseKubernetes(text, 'list.yaml');
    expect(model.objects.map((o) => [o.kind, o.path])).toEqual([['Pod', ['items', 0]], ['Service', ['items', 1]]]);
    const pod = model.podSpecs[0]!;
    expect(pod.path).toEqual(['items', 0, 'spec']);
    expect(pod.metadata).toEqual({ name: 'a', labels: { app: 'a' } });
    expect(pod.containers[0]!.path).toEqual(['items', 0, 'spec', 'containers', 0]);
    expect(pod.object.document.positionOf(pod.containers[0]!.path).line).toBe(8);
  });

  it('lists containers, then init containers, then ephemeral containers, with fallback names', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers:',
      '    - name: migrate',
      '  containers:',
      '    - name: app',
      '    - image: sidecar:1.0.0',
      '  ephemeralContainers:',
      '    - name: debug',
      '',
    ].join('\n');
    const [pod] = parseKubernetes(text, 'p.yaml').podSpecs;
    expect(pod!.containers.map((c) => [c.group, c.index, c.name])).toEqual([
      ['containers', 0, 'app'],
      ['containers', 1, 'containers[1]'],
      ['initContainers', 0, 'migrate'],
      ['ephemeralContainers', 0, 'debug'],
    ]);
    expect(pod!.containers.map((c) => pod!.object.document.positionOf(c.path).line)).toEqual([8, 9, 6, 11]);
  });

  it('gives an empty metadata when the template has none', () => {
    const [pod] = parseKubernetes('apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n', 'p.yaml').podSpecs;
    expect(pod!.metadata).toEqual({});
    expect(pod!.containers).toEqual([]);
  });

  it('refuses a document that is not a Kubernetes object, at its position', () => {
    const attempt = () => parseKubernetes('apiVersion: v1\nkind: Pod\n---\nfoo: bar\n', 'bad.yaml');
    expect(attempt).toThrow(InputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InputError).position.line).toBe(4);
    }
  });
});

describe('effectiveSecurityContext', () => {
  const overridable = {
    runAsUser: [1000, 2000],
    runAsGroup: [1000, 3000],
    runAsNonRoot: [true, false],
    seccompProfile: [{ type: 'RuntimeDefault' }, { type: 'Unconfined' }],
    seLinuxOptions: [{ type: 'container_t' }, { type: 'spc_t' }],
    appArmorProfile: [{ type: 'RuntimeDefault' }, { type: 'Unconfined' }],
    windowsOptions: [{ runAsUserName: 'app' }, { hostProcess: true }],
  } as const;

  const podWith = (podContext: object, containerContext: object | undefined) =>
    parseKubernetes(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          securityContext: podContext,
          containers: [{ name: 'app', ...(containerContext ? { securityContext: containerContext } : {}) }],
        },
      }),
      'p.yaml',
    ).podSpecs[0]!;

  it.each(Object.entries(overridable))('lets the container override the pod for %s', (key, [podValue, containerValue]) => {
    const pod = podWith({ [key]: podValue }, { [key]: containerValue });
    const context = effectiveSecurityContext(pod, pod.containers[0]!);
    expect(context.values[key]).toEqual(containerValue);
    expect(context.sources[key]).toEqual(['spec', 'containers', 0, 'securityContext', key]);
  });

  it.each(Object.entries(overridable))('inherits %s from the pod when the container does not set it', (key, [podValue]) => {
    const pod = podWith({ [key]: podValue }, {});
    const context = effectiveSecurityContext(pod, pod.containers[0]!);
    expect(context.values[key]).toEqual(podValue);
    expect(context.sources[key]).toEqual(['spec', 'securityContext', key]);
  });

  it('does not inherit pod-only settings such as fsGroup or sysctls', () => {
    const pod = podWith({ fsGroup: 2000, sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] }, undefined);
    expect(effectiveSecurityContext(pod, pod.containers[0]!).values).toEqual({});
  });

  it('keeps container-only settings from the container', () => {
    const pod = podWith({ runAsUser: 1000 }, { allowPrivilegeEscalation: false, privileged: false });
    expect(effectiveSecurityContext(pod, pod.containers[0]!).values).toEqual({
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      privileged: false,
    });
  });
});
