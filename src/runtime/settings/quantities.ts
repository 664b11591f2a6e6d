/**
 * The small languages sizes, CPUs and durations are written in: compose's `512m` and `1m30s`,
 * Kubernetes' `128Mi` and `500m`. Each parser returns undefined for text its tool would reject,
 * so the caller can say so instead of guessing.
 */

const composeByteUnits: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * Compose sizes are binary multiples whatever the spelling (`512m`, `512MB`, `1.5G`, or bytes).
 * @example composeBytes('1.5g') // 1610612736
 */
export function composeBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s?([kmgtp]?)i?b?$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = composeByteUnits[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.floor(Number(match[1]) * unit);
}

const kubernetesSuffixes: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/**
 * A Kubernetes resource quantity in base units: bytes for memory, cores for CPU.
 * @example kubernetesQuantity('128Mi') // 134217728
 * @example kubernetesQuantity('500m') // 0.5
 */
export function kubernetesQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(value.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  if (match[2]) return number * 10 ** Number(match[2].slice(1));
  return number * (kubernetesSuffixes[match[3] ?? ''] ?? 1);
}

/** Docker's NanoCpus for a CPU count (`0.5`, `'1.5'`, or cores from kubernetesQuantity). */
export function nanoCpus(cores: unknown): number | undefined {
  const value = typeof cores === 'string' && /^\d+(?:\.\d+)?$|^\.\d+$/.test(cores.trim()) ? Number(cores) : cores;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * 1e9);
}

const nanosecondsPer: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * A Go-style duration, as compose writes healthcheck timings, in nanoseconds (Docker's unit).
 * @example composeDuration('1m30s') // 90000000000
 */
export function composeDuration(value: unknown): number | undefined {
  if (value === 0 || value === '0') return 0;
  if (typeof value !== 'string' || !/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(value.trim())) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.trim().matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(amount) * (nanosecondsPer[unit ?? 's'] ?? 0);
  }
  return Math.round(total);
}

/** The smallest memory limit the engine accepts (it refuses a container below it). */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;
/** The engine's smallest CPU limit: 0.01 of a CPU. */
export const MIN_NANO_CPUS = 10_000_000;

/** `67108864` → `64 MiB`, for messages. */
export function describeBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}
