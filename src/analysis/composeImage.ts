/**
 * How firmly a compose `image:` reference (`node:20.11.1-alpine`, `registry:5000/app@sha256:...`)
 * pins what gets pulled: a digest, a full version, or a tag that moves (`latest`, `20`, `lts`).
 */
import { isInterpolated } from './composeScalars.js';

export type ImagePinning =
  | { kind: 'digest' }
  | { kind: 'version'; tag: string }
  /** No tag at all: the engine pulls `latest`. */
  | { kind: 'untagged' }
  | { kind: 'latest'; tag: string }
  /** A major version only (`20`, `7-alpine`, `v2`): moves with every minor release. */
  | { kind: 'major-only'; tag: string }
  /** A name with no version number (`lts`, `stable`, `alpine`, `bookworm`): moves on its own. */
  | { kind: 'floating'; tag: string }
  /** Interpolated (`${TAG}`): decided when compose runs. */
  | { kind: 'unresolved' };

/**
 * @example imagePinning('nginx') // { kind: 'untagged' }
 * @example imagePinning('localhost:5000/app:1.4.2') // { kind: 'version', tag: '1.4.2' }
 */
export function imagePinning(reference: string): ImagePinning {
  const trimmed = reference.trim();
  if (/@sha256:[0-9a-f]{64}$/i.test(trimmed)) return { kind: 'digest' };
  const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (isInterpolated(lastSegment) || trimmed.includes('@')) return { kind: 'unresolved' };
  if (colon === -1) return { kind: 'untagged' };
  const tag = lastSegment.slice(colon + 1);
  if (tag.toLowerCase() === 'latest') return { kind: 'latest', tag };
  if (/^v?\d{1,3}(-[A-Za-z][\w.-]*)?$/.test(tag)) return { kind: 'major-only', tag };
  if (!/\d/.test(tag)) return { kind: 'floating', tag };
  return { kind: 'version', tag };
}
