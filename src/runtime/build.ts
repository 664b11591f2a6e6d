/**
 * Building the learner's image through dockerode: network none, labelled, capped in memory and
 * time, progress streamed to a callback, and a failing step mapped back to the learner's line.
 */
import type Docker from 'dockerode';
import { packContext } from './buildContext.js';
import { containerCaps, timeouts } from './limits.js';
import type { RuntimeSession } from './session.js';

export interface BuildRequest {
  contextDir: string;
  /** Relative to contextDir. */
  dockerfile: string;
  tag: string;
  labels: Record<string, string>;
  /** One line of build output at a time, for a progress display. */
  onProgress?: (line: string) => void;
  /** Line of each build step in the Dockerfile, in the order the builder numbers them. */
  stepLines?: number[];
}

export class BuildFailedError extends Error {
  constructor(message: string, readonly step: string | undefined, readonly line: number | undefined, readonly log: string[]) {
    super(message);
    this.name = 'BuildFailedError';
  }
}

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

export async function buildImage(session: RuntimeSession, request: BuildRequest): Promise<void> {
  const deadline = AbortSignal.timeout(timeouts.buildMs);
  const signal = AbortSignal.any([session.signal, deadline]);
  // Track the tag before the request: a build cut short may still have tagged the image.
  session.trackImage(request.tag);
  const stream = await session.docker.buildImage(packContext(request.contextDir, request.dockerfile), {
    t: request.tag,
    dockerfile: request.dockerfile,
    labels: request.labels,
    networkmode: 'none',
    memory: containerCaps.memoryBytes,
    memswap: containerCaps.memoryBytes,
    rm: true,
    forcerm: true,
    pull: false,
    abortSignal: signal,
  } as Docker.ImageBuildOptions);

  const log: string[] = [];
  let step: string | undefined;
  const events = await new Promise<BuildEvent[]>((resolve, reject) => {
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(new BuildFailedError(deadline.aborted ? `the build took longer than ${timeouts.buildMs / 1000} s and was stopped` : 'the build was cancelled', step, undefined, log));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    session.docker.modem.followProgress(
      stream,
      (error: Error | null, output: BuildEvent[]) => {
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(output);
      },
      (event: BuildEvent) => {
        for (const line of (event.stream ?? '').split('\n')) {
          if (line.trim() === '') continue;
          log.push(line);
          if (/^Step \d+\/\d+ :/.test(line)) step = line;
          request.onProgress?.(line);
        }
      },
    );
  });
  const failure = events.find((event) => event.error || event.errorDetail);
  if (failure) {
    const message = (failure.errorDetail?.message ?? failure.error ?? 'build failed').trim();
    const stepNumber = step ? Number(/^Step (\d+)/.exec(step)?.[1]) : undefined;
    const line = stepNumber ? request.stepLines?.[stepNumber - 1] : undefined;
    throw new BuildFailedError(message, step, line, log);
  }
}
