/**
 * The caps every build and container gets, whatever the learner's files ask for. A learner's
 * own limits apply when they are tighter; these are the ceiling that protects the machine.
 * Callers may pass tighter (or, in tests, shorter) values per call; these are the defaults.
 */
export const containerCaps = {
  memoryBytes: 256 * 1024 * 1024,
  nanoCpus: 1_000_000_000,
  pidsLimit: 128,
  /** Largest tmpfs a container gets, whatever size the learner asks for. */
  tmpfsBytes: 64 * 1024 * 1024,
  /** What a running container may write to its own filesystem before the check stops it (watched once a second). */
  writableLayerBytes: 512 * 1024 * 1024,
} as const;

export const buildCaps = {
  /**
   * An exercise's context is a Dockerfile and a few small files. Anything near this size is a
   * forgotten node_modules or a disk image, and would be streamed to the engine on every check.
   */
  contextBytes: 64 * 1024 * 1024,
  /** What one classic build step may write to its layer before the build is stopped (polled, so a fast writer overshoots by what it writes in a quarter second). */
  stepDiskBytes: 1024 * 1024 * 1024,
  /** Processes at once in a build's RUN steps (through the build's cgroup, buildCgroup.ts). */
  pidsLimit: 256,
  /** Unused BuildKit cache the engine may keep; above this, its oldest records are pruned after a build. */
  buildKitCacheBytes: 1024 * 1024 * 1024,
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
  /** Time a check's cleanup may take after its deadline, before its objects count as expired. */
  cleanupMs: 60_000,
} as const;
