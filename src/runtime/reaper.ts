/**
 * The reaper: a detached helper a shipshape process forks once (reaperLink.ts). It holds the
 * list of each live session's objects and removes them when the session's deadline passes or
 * when its parent's channel closes without the session being done (the parent was killed, even
 * with SIGKILL). It connects to the engine only when it has something to remove.
 */
import type Docker from 'dockerode';
import type { ReaperMessage } from './reaperLink.js';
import { removeSessionObjects, type SessionObjects } from './sessionObjects.js';

interface Watched extends SessionObjects {
  timer: NodeJS.Timeout;
}

const sessions = new Map<string, Watched>();
let engine: Promise<Docker> | undefined;

function connect(): Promise<Docker> {
  engine ??= import('./engine.js').then(({ connectEngine }) => connectEngine(10_000));
  return engine;
}

async function reap(session: string): Promise<void> {
  const watched = sessions.get(session);
  if (!watched) return;
  sessions.delete(session);
  clearTimeout(watched.timer);
  try {
    await removeSessionObjects(await connect(), watched);
  } catch {
    // The engine is gone: the next start's sweep removes what is left once it expires.
  }
}

process.on('message', (message: ReaperMessage) => {
  if (message.type === 'watch') {
    const delay = Math.max(0, Math.min(message.expiresAt - Date.now(), 2 ** 31 - 1));
    const timer = setTimeout(() => void reap(message.session), delay);
    sessions.set(message.session, { session: message.session, containers: [], images: [], layers: [], timer });
    return;
  }
  if (message.type === 'done') {
    const watched = sessions.get(message.session);
    if (watched) clearTimeout(watched.timer);
    sessions.delete(message.session);
    return;
  }
  const watched = sessions.get(message.session);
  if (!watched) return;
  if (message.type === 'container') watched.containers.push(message.id);
  else if (message.type === 'image') watched.images.push(message.id);
  else if (message.type === 'layer') watched.layers.push(message.id);
  else watched.layers = watched.layers.filter((layer) => layer !== message.id);
});

process.on('disconnect', () => {
  void Promise.all([...sessions.keys()].map(reap)).finally(() => process.exit(0));
});

// Signals meant for the terminal's foreground job are not ours: the parent decides.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGPIPE'] as const) process.on(signal, () => undefined);
