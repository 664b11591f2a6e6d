/**
 * A Kubernetes container (with its pod) translated to what the kubelet would ask of a container
 * runtime. Pure: the parsed manifests in, RunSettings out. Host namespaces, hostPath volumes and
 * privileged mode are translated faithfully so that policy.ts refuses them, named as the learner
 * wrote them; runAsNonRoot is checked against the image later (containerUser.ts), like the kubelet.
 */
import type Docker from 'dockerode';
import { effectiveSecurityContext, type ContainerRef, type KubernetesModel, type PodSpecRef } from '../../parse/kubernetes.js';
import { asArray, asRecord, isRecord } from '../../parse/yamlSource.js';
import { capabilityList } from './capabilities.js';
import { describeBytes, kubernetesQuantity, MIN_MEMORY_BYTES, MIN_NANO_CPUS, nanoCpus } from './quantities.js';
import { hostPathReason, refusalsNamedAsWritten } from './refusals.js';
import { emptyRunSettings, type RunSettings } from './types.js';

/** Kubernetes' own probe defaults, so a healthcheck keeps the rhythm the learner's cluster would use. */
const probeDefaults = { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };

/**
 * @param containerName the container to run; by default the first container of the first pod spec.
 * @example fromKubernetes(parseKubernetes(podYaml, 'pod.yaml')).host.ReadonlyRootfs // true when the pod asks for it
 */
export function fromKubernetes(model: Pick<KubernetesModel, 'file' | 'podSpecs'>, containerName?: string): RunSettings {
  const found = findContainer(model.podSpecs, containerName);
  if (!found) {
    const settings = emptyRunSettings(`${model.file}, container ${containerName ?? '(first)'}`);
    const known = model.podSpecs.flatMap((pod) => pod.containers.map((c) => c.name)).join(', ') || 'none';
    const reason = containerName === undefined ? `${model.file} has no workload with a container` : `${model.file} has no container named "${containerName}" (containers: ${known})`;
    settings.invalid.push({ setting: 'container', reason });
    return settings;
  }
  const { pod, container } = found;
  const settings = emptyRunSettings(`${model.file}, container ${container.name} of ${pod.object.kind} ${pod.object.name}`);
  new ContainerTranslation(settings, pod, container).run();
  return settings;
}

function findContainer(pods: readonly PodSpecRef[], name: string | undefined): { pod: PodSpecRef; container: ContainerRef } | undefined {
  for (const pod of pods) {
    const container = pod.containers.find((candidate) => (name === undefined ? candidate.group === 'containers' : candidate.name === name));
    if (container) return { pod, container };
  }
  return undefined;
}

class ContainerTranslation {
  private readonly host: Docker.HostConfig;
  /** policy.ts's Docker words → the learner's Kubernetes words, for refusals. */
  private readonly namesInFile = new Map<string, string>();
  /** Variables defined so far, for Kubernetes' `$(NAME)` references. */
  private readonly variables = new Map<string, string>();

  constructor(
    private readonly settings: RunSettings,
    private readonly pod: PodSpecRef,
    private readonly container: ContainerRef,
  ) {
    this.host = settings.host;
  }

  run(): void {
    this.securityContext();
    this.podNamespaces();
    this.volumes();
    this.resources();
    this.environment();
    this.process();
    this.healthcheck();
    const spec = this.container.spec;
    if (spec.ports !== undefined) this.note('ports: not published; the container runs without a network and the probes run inside it');
    if (spec.envFrom !== undefined) this.note('envFrom: not applied; shipshape does not read ConfigMaps or Secrets from a cluster');
    if (spec.lifecycle !== undefined) this.note('lifecycle hooks: not run');
    const others = this.pod.containers.filter((c) => c !== this.container).map((c) => c.name);
    if (others.length > 0) this.note(`only ${this.container.name} is started; not run: ${others.join(', ')}`);
    this.settings.refusals = [...refusalsNamedAsWritten(this.host, this.namesInFile), ...this.settings.refusals];
  }

  private securityContext(): void {
    const context = effectiveSecurityContext(this.pod, this.container).values;
    const id = (key: string) => {
      const value = context[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
      this.invalid(`securityContext.${key}`, 'expected a whole number (a numeric id)');
      return undefined;
    };
    const user = id('runAsUser');
    const group = id('runAsGroup');
    if (user !== undefined) this.settings.user = user;
    if (group !== undefined) this.settings.group = group;
    if (context.runAsNonRoot === true) this.settings.requireNonRoot = true;
    if (context.readOnlyRootFilesystem === true) this.host.ReadonlyRootfs = true;
    if (context.privileged === true) {
      this.host.Privileged = true;
      this.namesInFile.set('privileged', 'securityContext.privileged: true');
    }
    const capabilities = asRecord(context.capabilities);
    const drop = capabilityList(capabilities.drop);
    const add = capabilityList(capabilities.add);
    if (drop.length > 0) this.host.CapDrop = drop;
    if (add.length > 0) this.host.CapAdd = add;
    for (const name of add) this.namesInFile.set(`cap_add: ${name}`, `capabilities.add: ${name}`);
    const options: string[] = [];
    const option = (value: string, written: string) => {
      options.push(value);
      this.namesInFile.set(`security_opt: ${value}`, written);
    };
    if (context.allowPrivilegeEscalation === false) option('no-new-privileges', 'allowPrivilegeEscalation: false');
    if (context.procMount === 'Unmasked') option('systempaths=unconfined', 'procMount: Unmasked');
    const seccomp = asRecord(context.seccompProfile).type;
    if (seccomp === 'Unconfined') option('seccomp=unconfined', 'seccompProfile: Unconfined');
    else if (seccomp === 'Localhost') this.note("seccompProfile: Localhost: the node's profile is not available here; the engine's default profile applies");
    const apparmor = asRecord(context.appArmorProfile).type;
    if (apparmor === 'Unconfined') option('apparmor=unconfined', 'appArmorProfile: Unconfined');
    else if (apparmor === 'Localhost') this.note("appArmorProfile: Localhost: the node's profile is not available here; the engine's default profile applies");
    if (options.length > 0) this.host.SecurityOpt = options;
    if (context.seLinuxOptions !== undefined) this.note('seLinuxOptions: not applied');
    const podContext = asRecord(this.pod.spec.securityContext);
    const groups = [podContext.fsGroup, ...asArray(podContext.supplementalGroups)].filter((g): g is number => typeof g === 'number' && Number.isInteger(g));
    if (groups.length > 0) this.host.GroupAdd = [...new Set(groups.map(String))];
    if (podContext.fsGroup !== undefined) this.note('fsGroup: added as a supplementary group; volume ownership is not changed');
    if (podContext.sysctls !== undefined) this.note('securityContext.sysctls: not applied');
  }

  private podNamespaces(): void {
    const spec = this.pod.spec;
    const shared = [['hostNetwork', 'NetworkMode', 'network_mode: host'], ['hostPID', 'PidMode', 'pid: host'], ['hostIPC', 'IpcMode', 'ipc: host']] as const;
    for (const [key, field, policyName] of shared) {
      if (spec[key] !== true) continue;
      this.host[field] = 'host';
      this.namesInFile.set(policyName, `${key}: true`);
    }
    if (spec.hostUsers === false) this.note('hostUsers: false: user namespaces are not emulated; ids inside are the same as on the host');
  }

  private volumes(): void {
    const definitions = new Map(asArray(this.pod.spec.volumes).map(asRecord).filter((v) => typeof v.name === 'string').map((v) => [v.name as string, v]));
    const mounted = new Set<string>();
    for (const mount of asArray(this.container.spec.volumeMounts).map(asRecord)) {
      const name = String(mount.name ?? '');
      const target = typeof mount.mountPath === 'string' ? mount.mountPath : '';
      const volume = definitions.get(name);
      if (!volume) {
        this.invalid(`volumeMounts: ${name}`, `no volume named "${name}" in the pod`);
        continue;
      }
      if (!target.startsWith('/')) {
        this.invalid(`volumeMounts: ${name}`, 'mountPath must be an absolute path');
        continue;
      }
      mounted.add(name);
      const readOnly = mount.readOnly === true;
      if (isRecord(volume.hostPath)) {
        const bind = `${String(volume.hostPath.path ?? '')}:${target}${readOnly ? ':ro' : ''}`;
        (this.host.Binds ??= []).push(bind);
        this.namesInFile.set(`volume ${bind}`, `hostPath volume "${name}" (${String(volume.hostPath.path ?? '')})`);
      } else if (isRecord(volume.emptyDir) || volume.emptyDir === null) {
        // The kubelet makes an emptyDir world-writable and does not forbid running programs from it;
        // without mode and exec, the engine would copy the image directory's mode and add noexec.
        const limit = kubernetesQuantity(asRecord(volume.emptyDir).sizeLimit);
        this.host.Tmpfs = { ...this.host.Tmpfs, [target]: ['exec', 'mode=777', ...(limit === undefined ? [] : [`size=${Math.ceil(limit)}`])].join(',') };
        if (asRecord(volume.emptyDir).medium !== 'Memory') this.note(`emptyDir "${name}" at ${target}: a tmpfs stands in for the node's disk`);
      } else if (isRecord(volume.persistentVolumeClaim)) {
        (this.host.Mounts ??= []).push({ Type: 'volume', Source: '', Target: target, ReadOnly: readOnly });
        this.note(`persistentVolumeClaim "${name}" at ${target}: a fresh, empty volume for this check`);
      } else {
        this.note(`volume "${name}" at ${target}: not mounted; shipshape does not read its source from a cluster`);
      }
    }
    // A hostPath in the pod is refused even when this container does not mount it: the pod would get it.
    for (const [name, volume] of definitions) {
      if (mounted.has(name) || !isRecord(volume.hostPath)) continue;
      const hostPath = String(volume.hostPath.path ?? '');
      this.settings.refusals.push({ setting: `hostPath volume "${name}" (${hostPath})`, reason: hostPathReason(hostPath) });
    }
  }

  private resources(): void {
    const limits = asRecord(asRecord(this.container.spec.resources).limits);
    if (limits.memory !== undefined) {
      const bytes = kubernetesQuantity(limits.memory);
      if (bytes === undefined) this.invalid('resources.limits.memory', `${JSON.stringify(limits.memory)} is not a quantity such as 128Mi`);
      else if (bytes < MIN_MEMORY_BYTES) this.invalid('resources.limits.memory', `${describeBytes(Math.ceil(bytes))} is below the ${describeBytes(MIN_MEMORY_BYTES)} the engine accepts`);
      else this.host.Memory = Math.ceil(bytes);
    }
    if (limits.cpu !== undefined) {
      const cores = kubernetesQuantity(limits.cpu);
      const nano = cores === undefined ? undefined : nanoCpus(cores);
      if (nano === undefined) this.invalid('resources.limits.cpu', `${JSON.stringify(limits.cpu)} is not a quantity such as 500m`);
      else if (nano < MIN_NANO_CPUS) this.invalid('resources.limits.cpu', 'the engine accepts no less than 10m');
      else this.host.NanoCpus = nano;
    }
    const others = Object.keys(limits).filter((key) => key !== 'memory' && key !== 'cpu');
    if (others.length > 0) this.note(`resources.limits: ${others.join(', ')} not applied`);
  }

  private environment(): void {
    const env: string[] = [];
    for (const entry of asArray(this.container.spec.env).map(asRecord)) {
      if (typeof entry.name !== 'string') continue;
      const value = this.envValue(entry.name, entry);
      this.variables.set(entry.name, value);
      env.push(`${entry.name}=${value}`);
    }
    if (env.length > 0) this.settings.env = env;
  }

  private envValue(name: string, entry: Record<string, unknown>): string {
    if (entry.valueFrom === undefined) return this.expand(entry.value === undefined || entry.value === null ? '' : String(entry.value));
    const from = asRecord(entry.valueFrom);
    const secret = asRecord(from.secretKeyRef);
    const configMap = asRecord(from.configMapKeyRef);
    const field = asRecord(from.fieldRef).fieldPath;
    if (field === 'metadata.name') return this.pod.object.name;
    if (field === 'metadata.namespace') return this.pod.object.namespace ?? 'default';
    let origin = 'a field of the running pod';
    if (isRecord(from.secretKeyRef)) origin = `key ${String(secret.key)} of Secret ${String(secret.name)}`;
    else if (isRecord(from.configMapKeyRef)) origin = `key ${String(configMap.key)} of ConfigMap ${String(configMap.name)}`;
    this.note(`env ${name}: comes from ${origin}; set to a placeholder, since shipshape does not read a cluster`);
    return `placeholder-${name.toLowerCase()}`;
  }

  /** Kubernetes' `$(NAME)` references to variables defined earlier; `$$` stands for a literal `$`. */
  private expand(text: string): string {
    return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
      if (name === undefined) return '$';
      return this.variables.get(name) ?? match;
    });
  }

  private process(): void {
    const words = (key: 'command' | 'args') => {
      const value = this.container.spec[key];
      if (value === undefined || value === null) return undefined;
      if (Array.isArray(value)) return value.map((word) => this.expand(String(word)));
      this.invalid(key, 'expected a list of words');
      return undefined;
    };
    const command = words('command');
    const args = words('args');
    if (command) this.settings.entrypoint = command;
    if (args) this.settings.cmd = args;
    if (typeof this.container.spec.workingDir === 'string') this.settings.workingDir = this.container.spec.workingDir;
  }

  /** One Docker healthcheck can stand for one probe: liveness first, then readiness, then startup. */
  private healthcheck(): void {
    const kinds = ['livenessProbe', 'readinessProbe', 'startupProbe'].filter((kind) => isRecord(this.container.spec[kind]));
    const [chosen, ...skipped] = kinds;
    if (!chosen) return;
    if (skipped.length > 0) this.note(`${skipped.join(', ')}: not applied; the container's healthcheck follows the ${chosen}`);
    const probe = asRecord(this.container.spec[chosen]);
    const test = this.probeCommand(chosen, probe);
    if (!test) return;
    const seconds = (key: keyof typeof probeDefaults | 'initialDelaySeconds') => {
      const value = probe[key];
      return typeof value === 'number' && value >= 0 ? value : key === 'initialDelaySeconds' ? 0 : probeDefaults[key];
    };
    this.settings.healthcheck = {
      Test: test,
      Interval: seconds('periodSeconds') * 1e9,
      Timeout: seconds('timeoutSeconds') * 1e9,
      Retries: seconds('failureThreshold'),
      StartPeriod: seconds('initialDelaySeconds') * 1e9,
    };
  }

  private probeCommand(kind: string, probe: Record<string, unknown>): string[] | undefined {
    const exec = asRecord(probe.exec);
    if (Array.isArray(exec.command)) return ['CMD', ...exec.command.map(String)];
    if (isRecord(probe.httpGet)) {
      const port = this.portNumber(probe.httpGet.port);
      if (port === undefined) {
        this.invalid(`${kind}.httpGet.port`, `${JSON.stringify(probe.httpGet.port)} is neither a number nor the name of one of the container's ports`);
        return undefined;
      }
      const pathPart = typeof probe.httpGet.path === 'string' ? probe.httpGet.path : '/';
      const scheme = probe.httpGet.scheme === 'HTTPS' ? 'https' : 'http';
      const url = `${scheme}://localhost:${port}${pathPart.startsWith('/') ? '' : '/'}${pathPart}`;
      this.note(`${kind}.httpGet: checked from inside the container with \`wget ${url}\` (the image needs wget)`);
      return ['CMD', 'wget', '-q', '-O', '/dev/null', url];
    }
    this.note(`${kind}: only exec and httpGet probes become a healthcheck; this one is not applied`);
    return undefined;
  }

  private portNumber(port: unknown): number | undefined {
    if (typeof port === 'number' && Number.isInteger(port)) return port;
    if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
    const named = asArray(this.container.spec.ports).map(asRecord).find((p) => p.name === port);
    return typeof named?.containerPort === 'number' ? named.containerPort : undefined;
  }

  private note(text: string): void {
    this.settings.notes.push(text);
  }

  private invalid(setting: string, reason: string): void {
    this.settings.invalid.push({ setting, reason });
  }
}
