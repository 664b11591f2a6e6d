/**
 * Container images come from publishers you can name: Docker Official Images or a well-known
 * vendor registry (the same list as `dockerfile/trusted-base-image`). An image from a random
 * account on a public registry gets a note asking who stands behind it; your own registry is
 * fine, and says so with a suppression.
 */
import { isFromTrustedSource } from '../../analysis/imageReferenceFacts.js';
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { parseImageReference } from '../../parse/dockerfile.js';
import type { KubernetesRule } from '../types.js';

/** Public registries where anyone can publish; an image elsewhere is someone's own registry. */
const PUBLIC_REGISTRIES = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'quay.io', 'ghcr.io'];

export const trustedImageSource: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/trusted-image-source',
    severity: 'warning',
    title: 'A container image comes from an unknown publisher on a public registry',
    passTitle: 'Every container image comes from a publisher you can name',
    why:
      'An image runs with whatever access the pod has: its service account token, its Secrets, its network. Anyone ' +
      'can push `someone/redis` to Docker Hub or quay.io, and typo-squatted images with cryptominers and backdoors ' +
      'have been pulled millions of times. Official Images and vendor registries are rebuilt on security fixes by ' +
      'publishers you can hold to account; a random account offers neither.',
    fix:
      'Use the Docker Official Image (`redis:7.2.4-alpine`), a vendor registry (`registry.k8s.io/...`, ' +
      '`gcr.io/distroless/...`, `cgr.dev/chainguard/...`), or your organisation\'s own registry, where you build ' +
      'and scan what you run.',
    item: 'image.trusted-sources',
    references: ['cis-kubernetes:5.5.1'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) => {
      const image = container.spec.image;
      if (typeof image !== 'string' || image.trim() === '' || image.includes('{{')) return [];
      const reference = parseImageReference(image.trim());
      if (isFromTrustedSource(reference) || !onPublicRegistry(reference.name)) return [];
      return [hitAt(pod.object, [...container.path, 'image'], `${describeContainer(pod, container)} runs ${image}, published by an account that is neither a Docker Official Image nor a known vendor`)];
    });
  },
};

function onPublicRegistry(name: string): boolean {
  const parts = name.split('/');
  const first = parts[0] ?? '';
  const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return !hasRegistry || PUBLIC_REGISTRIES.includes(first);
}
