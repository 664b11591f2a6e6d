/**
 * Every container must be kept from running as uid 0: `runAsNonRoot: true` or a non-zero
 * `runAsUser` at the level that applies (the container's setting overrides the pod's). A uid 0
 * together with `runAsNonRoot: true` is a contradiction the kubelet refuses to start, so it is
 * reported with its own message rather than as "root".
 */
import { describeContainer, everyContainer, hitAt, integerValue, isWindowsPod } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const runAsNonRoot: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/run-as-non-root',
    severity: 'error',
    title: 'A container may run as root',
    passTitle: 'No container may run as root',
    why:
      'Without `runAsNonRoot: true` or a non-zero `runAsUser`, the image decides who the process is, and for most ' +
      'images that is root. Root in a container is uid 0 on the node\'s kernel: an attacker who gets code execution ' +
      'through the app owns every file in the container, keeps whatever capabilities the runtime left, and starts a ' +
      'container escape from the best possible position. Kubernetes can refuse root for you; it only has to be asked.',
    fix:
      'Set `securityContext.runAsNonRoot: true` on the pod (or on every container) and give a fixed uid such as ' +
      '`runAsUser: 10001` and `runAsGroup: 10001`; never `runAsUser: 0`.',
    item: 'k8s.security-context',
    references: ['kube-linter:run-as-non-root', 'trivy:KSV012', 'pss:restricted'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container, context }) => {
      const who = describeContainer(pod, container);
      if (isWindowsPod(pod)) {
        // runAsUser does not exist on Windows (the API server refuses it); the user is a name.
        if (context.values.runAsNonRoot === true) return [];
        return [hitAt(pod.object, context.sources.runAsNonRoot ?? container.path,
          `${who} is a Windows container without runAsNonRoot: true; set it with windowsOptions.runAsUserName: ContainerUser (runAsUser does not apply on Windows)`)];
      }
      const uid = integerValue(context.values.runAsUser);
      const nonRoot = context.values.runAsNonRoot === true;
      const uidPath = context.sources.runAsUser ?? container.path;
      if (uid === 0 && nonRoot) {
        return [hitAt(pod.object, uidPath,
          `${who} combines runAsNonRoot: true with runAsUser: 0; the kubelet refuses to start it ` +
          '(CreateContainerConfigError), so set a non-zero runAsUser')];
      }
      if (uid === 0) return [hitAt(pod.object, uidPath, `${who} runs as root: runAsUser is 0`)];
      if (uid !== undefined && uid > 0) return [];
      if (nonRoot) return [];
      if (context.values.runAsNonRoot === false) {
        return [hitAt(pod.object, context.sources.runAsNonRoot ?? container.path,
          `${who} sets runAsNonRoot: false and no runAsUser, so it runs as the image's user (root for most images)`)];
      }
      return [hitAt(pod.object, container.path,
        `${who} sets neither runAsNonRoot: true nor a non-zero runAsUser (pod or container level), so the image's user, ` +
        'root for most images, runs it')];
    });
  },
};
