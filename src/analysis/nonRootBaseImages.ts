/**
 * Public base images whose own configuration already runs as an unprivileged user, so that a
 * Dockerfile built on them without a USER of its own does not run as root. Kept to images whose
 * user is fixed by how they are published, not by a tag someone may move:
 *
 * - distroless (`gcr.io/distroless/*`): every `nonroot` tag (`nonroot`, `debug-nonroot`,
 *   `nonroot-arm64`...) sets `User: 65532` (`nonroot`); the other tags run as root.
 * - `nginxinc/nginx-unprivileged`: NGINX's own unprivileged build, `USER 101` (nginx) in every tag.
 *
 * Other families (Chainguard, Bitnami) default to a non-root user in most images but not all, and
 * are left as "the base image's user".
 */
import type { ImageReference } from '../parse/dockerfile.js';

/**
 * The user a known non-root base image runs as, or undefined when it is not one of them.
 *
 * @example nonRootUserOfBaseImage({ name: 'gcr.io/distroless/static-debian12', tag: 'nonroot', ... }) // '65532'
 */
export function nonRootUserOfBaseImage(base: ImageReference): string | undefined {
  if (base.unresolved) return undefined;
  const name = base.name.toLowerCase().replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  if (name.startsWith('gcr.io/distroless/') && base.tag !== undefined && /(?:^|-)nonroot(?:-|$)/.test(base.tag)) return '65532';
  if (name === 'nginxinc/nginx-unprivileged') return '101';
  return undefined;
}
