/**
 * The caps every build and container gets, whatever the learner's files ask for. A learner's
 * own limits apply when they are tighter; these are the ceiling that protects the machine.
 */
export const containerCaps = {
  memoryBytes: 256 * 1024 * 1024,
  nanoCpus: 1_000_000_000,
  pidsLimit: 128,
} as const;

export const timeouts = {
  /** A build of a small exercise image takes seconds; a minute means something is wrong. */
  buildMs: 120_000,
  /** Whole check: build, start, probes, cleanup. */
  checkMs: 180_000,
  /** One probe exec inside the container. */
  execMs: 10_000,
  /** How long a container may take to be running. */
  startMs: 15_000,
} as const;
