/**
 * Facts about a base image reference that several rules need: is it a Docker Official Image,
 * does it come from a well-known vendor registry, is its tag a moving target, is it a full
 * distribution image. Pure string work on `ImageReference`; no registry is ever asked, so the
 * answers are deliberately modest ("unknown" images are left alone rather than guessed at).
 */
import type { ImageReference } from '../parse/dockerfile.js';

const DOCKER_HUB_HOSTS = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

/**
 * Registries and paths whose publisher is a known vendor (or a mirror of the Official Images).
 * Kept short on purpose: anything else gets an info-level nudge, never an error.
 */
export const WELL_KNOWN_VENDOR_PREFIXES = [
  'gcr.io/distroless/',
  'cgr.dev/chainguard/',
  'mcr.microsoft.com/',
  'registry.access.redhat.com/',
  'registry.redhat.io/',
  'registry.k8s.io/',
  'public.ecr.aws/docker/library/',
];

/**
 * The short name of a Docker Official Image (`node`, `python`), or undefined when the reference
 * is a user's or organisation's repository or lives on another registry.
 *
 * @example officialImageName(parseImageReference('docker.io/library/node:20')) // 'node'
 * @example officialImageName(parseImageReference('randomuser/node')) // undefined
 */
export function officialImageName(base: ImageReference): string | undefined {
  const parts = base.name.split('/');
  if (parts.length === 1) return parts[0];
  const [first, second, third] = parts;
  if (parts.length === 2 && first === 'library') return second;
  if (parts.length === 3 && first !== undefined && DOCKER_HUB_HOSTS.includes(first) && second === 'library') return third;
  return undefined;
}

/** True when the image is an Official Image or comes from one of `WELL_KNOWN_VENDOR_PREFIXES`. */
export function isFromTrustedSource(base: ImageReference): boolean {
  if (base.name === 'scratch' || officialImageName(base) !== undefined) return true;
  return WELL_KNOWN_VENDOR_PREFIXES.some((prefix) => base.name.startsWith(prefix));
}

export type TagPinning =
  /** `image@sha256:...`: immutable, the best there is. */
  | { kind: 'digest' }
  /** A tag that names a specific release, e.g. `20.11.1-alpine` or `bookworm-slim`. */
  | { kind: 'specific' }
  /** `FROM node`: Docker reads it as `node:latest`. */
  | { kind: 'untagged' }
  | { kind: 'latest' }
  /** `node:20`, `python:3-slim`: moves with every minor and patch release. */
  | { kind: 'major-only'; major: string }
  /** `node:lts`, `node:alpine`, `python:slim`: a channel, not a release. */
  | { kind: 'channel'; word: string };

/** Tags that name a release channel rather than a release; checked on the first `-` segment. */
// busybox's musl, uclibc and glibc tags follow every release too: variants, not versions.
const CHANNEL_WORDS = new Set(['latest', 'lts', 'current', 'stable', 'edge', 'rolling', 'nightly', 'mainline', 'alpine', 'slim', 'musl', 'uclibc', 'glibc']);

/**
 * How firmly a reference pins its content.
 *
 * @example tagPinning(parseImageReference('node:20')).kind // 'major-only'
 * @example tagPinning(parseImageReference('node:20.11.1-alpine')).kind // 'specific'
 */
export function tagPinning(base: ImageReference): TagPinning {
  if (base.digest) return { kind: 'digest' };
  const tag = base.tag;
  if (tag === undefined) return { kind: 'untagged' };
  if (tag === 'latest') return { kind: 'latest' };
  // One to three digits: a major version. Longer runs are usually dates or build numbers (pins).
  const major = /^v?(\d{1,3})(?:[-_].*)?$/.exec(tag);
  if (major?.[1] !== undefined) return { kind: 'major-only', major: major[1] };
  const firstWord = tag.split('-')[0]?.toLowerCase() ?? '';
  if (CHANNEL_WORDS.has(firstWord)) return { kind: 'channel', word: firstWord };
  return { kind: 'specific' };
}

/**
 * Official images that ship a whole distribution (a shell, a package manager, compilers for the
 * language images) unless a slim/alpine variant is chosen.
 */
const FULL_OFFICIAL_IMAGES = new Set([
  'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'amazoncorretto',
  'maven', 'gradle', 'buildpack-deps', 'elixir', 'erlang', 'haskell', 'swift',
]);

/** Tag words that mark a reduced variant (`-slim`, `-alpine`, Ubuntu's `chiseled`, UBI `minimal`). */
const MINIMAL_TAG_MARKERS = ['slim', 'alpine', 'distroless', 'minimal', 'chiseled', 'micro'];

/**
 * True when the reference is a known full distribution or language image without a reduced
 * variant in its tag. Unknown images are not judged.
 *
 * @example isFullDistributionImage(parseImageReference('python:3.12.1')) // true
 * @example isFullDistributionImage(parseImageReference('python:3.12.1-slim')) // false
 */
export function isFullDistributionImage(base: ImageReference): boolean {
  const official = officialImageName(base);
  const fullImage = (official !== undefined && FULL_OFFICIAL_IMAGES.has(official)) || base.name === 'mcr.microsoft.com/dotnet/sdk';
  if (!fullImage) return false;
  const tag = (base.tag ?? 'latest').toLowerCase();
  return !MINIMAL_TAG_MARKERS.some((marker) => tag.includes(marker));
}
