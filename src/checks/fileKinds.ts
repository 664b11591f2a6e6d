/** Which kind of file a path is, by the names Docker and its users give them. */
export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'unknown';

/**
 * @example fileKindByName('api.Dockerfile') // 'dockerfile'
 */
export function fileKindByName(filePath: string): FileKind {
  const base = filePath.split(/[\\/]/).at(-1) ?? filePath;
  if (/^(Dockerfile|Containerfile)([.-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/i.test(base)) return 'compose';
  if (/\.ya?ml$/i.test(base)) return 'kubernetes';
  return 'unknown';
}
