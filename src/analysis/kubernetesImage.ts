/**
 * What a container `image:` reference pins. Kubernetes pulls `nginx` as `nginx:latest`, and a
 * tag is only a pointer the publisher can move; the course wants a specific version tag, or best
 * a digest. This module reads a reference and says which of those it is.
 */

export type ImagePin =
  | { kind: 'digest' }
  | { kind: 'version'; tag: string }
  | { kind: 'untagged' }
  | { kind: 'latest' }
  | { kind: 'bare-major'; tag: string }
  | { kind: 'channel'; tag: string }
  | { kind: 'templated' };

/**
 * @example classifyImage('node:20.11.1-alpine') // { kind: 'version', tag: '20.11.1-alpine' }
 * @example classifyImage('localhost:5000/app')  // { kind: 'untagged' }: `:5000` is a port
 */
export function classifyImage(reference: string): ImagePin {
  const image = reference.trim();
  // Helm or kustomize placeholders are filled in later; the rendered manifest is what counts.
  if (image.includes('{{') || image.includes('$')) return { kind: 'templated' };
  if (image.includes('@')) return { kind: 'digest' };
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  // A colon before the last slash belongs to a registry host's port, not to a tag.
  if (lastColon <= lastSlash) return { kind: 'untagged' };
  const tag = image.slice(lastColon + 1);
  if (tag === '') return { kind: 'untagged' };
  if (tag.toLowerCase() === 'latest') return { kind: 'latest' };
  // `20`, `v3`, `20-alpine`: a major version the publisher moves with every minor release.
  if (/^v?\d+(?:[-_][A-Za-z].*)?$/.test(tag)) return { kind: 'bare-major', tag };
  // A tag without any digit names a moving channel (`stable`, `lts`, `alpine`), unless it looks
  // like a commit hash.
  if (!/\d/.test(tag) && !/^[0-9a-f]{7,40}$/.test(tag)) return { kind: 'channel', tag };
  return { kind: 'version', tag };
}
