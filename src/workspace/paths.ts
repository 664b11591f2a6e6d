/**
 * Where shipshape keeps a learner's data: the XDG data directory on Linux, the platform's usual
 * place elsewhere, or SHIPSHAPE_HOME when set (tests and workshops use it).
 */
import os from 'node:os';
import path from 'node:path';

export function dataDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SHIPSHAPE_HOME) return path.resolve(env.SHIPSHAPE_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'shipshape');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'shipshape');
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(xdg, 'shipshape');
}
