/**
 * The check of one challenge while its view is open: a watch loop over the injected runner,
 * the file watcher when watch mode is on, and the view state its events build. Registers a
 * stopper with the app, so quitting cancels a running check and waits for its cleanup.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Challenge } from '../../content/schema.js';
import type { RunnerVerdict } from '../../watch/checkRunner.js';
import { createWatchLoop, type WatchLoop } from '../../watch/watchLoop.js';
import type { CoursePorts } from '../ports.js';
import { checkViewReducer, initialCheckView } from '../state/checkState.js';

export interface CheckSession {
  state: ReturnType<typeof checkViewReducer>;
  checkNow(): void;
  toggleWatch(): void;
  clear(): void;
  /** Bumped whenever the files may have changed (a check ran, a save was seen). */
  filesVersion: number;
}

export function useCheckSession(challenge: Challenge, dir: string, ports: CoursePorts, stoppers: Set<() => Promise<void>>, onFinal: (verdict: RunnerVerdict, staticOnly: boolean) => void): CheckSession {
  const [state, dispatch] = useReducer(checkViewReducer, initialCheckView);
  const [filesVersion, setFilesVersion] = useState(0);
  const loop = useRef<WatchLoop | undefined>(undefined);
  const closeWatcher = useRef<(() => void) | undefined>(undefined);
  const finalRef = useRef(onFinal);
  finalRef.current = onFinal;
  const hasRuntime = challenge.checks.runtime !== undefined;

  useEffect(() => {
    const created = createWatchLoop({
      challenge,
      dir,
      staticOnly: false,
      runCheck: ports.runCheck,
      onEvent: (event) => {
        dispatch({ type: 'watch-event', event, hasRuntime });
        if (event.type === 'check-finished') {
          setFilesVersion((v) => v + 1);
          if (event.final) finalRef.current(event.verdict, event.staticOnly);
        }
      },
    });
    loop.current = created;
    const stop = async () => {
      closeWatcher.current?.();
      closeWatcher.current = undefined;
      await created.stop();
    };
    stoppers.add(stop);
    return () => {
      stoppers.delete(stop);
      void stop();
    };
  }, [challenge, dir, ports, stoppers, hasRuntime]);

  return {
    state,
    filesVersion,
    checkNow: () => loop.current?.checkNow(),
    clear: () => dispatch({ type: 'clear' }),
    toggleWatch: () => {
      if (closeWatcher.current) {
        closeWatcher.current();
        closeWatcher.current = undefined;
        dispatch({ type: 'watching', on: false });
        return;
      }
      closeWatcher.current = ports.watchFiles(dir, challenge.files, () => {
        setFilesVersion((v) => v + 1);
        loop.current?.changed();
      });
      dispatch({ type: 'watching', on: true });
      loop.current?.changed();
    },
  };
}
