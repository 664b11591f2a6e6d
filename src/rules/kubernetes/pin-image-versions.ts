/** Container images should name a specific version tag, or best a digest; not `latest`, no tag, or a bare major. */
import { classifyImage } from '../../analysis/kubernetesImage.js';
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const pinImageVersions: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pin-image-versions',
    severity: 'warning',
    title: 'A container image is not pinned to a version',
    passTitle: 'Every container image is pinned to a version',
    why:
      'A tag like latest or 20 is a pointer the publisher moves. Each node pulls whatever it points to on the day ' +
      'the pod lands there, so two replicas can run different code, a rollback cannot bring back what ran before, ' +
      'and an attacker who compromises the publisher\'s account or registry gets their image into your cluster at ' +
      'the next restart. A digest names exactly the image you tested and scanned.',
    fix: 'Name a full version tag such as `nginx:1.27.2-alpine`, or better a digest: `nginx:1.27.2-alpine@sha256:...`.',
    item: 'image.pin-versions',
    references: ['kube-linter:latest-tag'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) => {
      const image = container.spec.image;
      if (typeof image !== 'string' || image.trim() === '') return [];
      const pin = classifyImage(image);
      const who = describeContainer(pod, container);
      const at = [...container.path, 'image'];
      switch (pin.kind) {
        case 'digest':
        case 'version':
        case 'templated':
          return [];
        case 'untagged':
          return [hitAt(pod.object, at, `${who} uses ${image} without a tag, which means latest`)];
        case 'latest':
          return [hitAt(pod.object, at, `${who} uses the latest tag of ${image}`)];
        case 'bare-major':
          return [hitAt(pod.object, at, `${who} uses ${image}: the bare major tag ${pin.tag} moves with every release`)];
        case 'channel':
          return [hitAt(pod.object, at, `${who} uses ${image}: ${pin.tag} names a moving channel, not a version`)];
      }
    });
  },
};
