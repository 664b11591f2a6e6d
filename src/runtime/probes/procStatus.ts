/**
 * Reading fields of /proc/<pid>/status (`NoNewPrivs:\t1`, `Uid:\t1000\t0\t0\t0`). Pure: probes
 * fetch the text from inside the container and ask this module what it says.
 */

/**
 * The value of one field, or undefined when the kernel did not print it.
 *
 * @example statusField('Name:\tsleep\nNoNewPrivs:\t1\n', 'NoNewPrivs') // '1'
 */
export function statusField(statusText: string, field: string): string | undefined {
  for (const line of statusText.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon) === field) return line.slice(colon + 1).trim();
  }
  return undefined;
}

/** The whole line of a field, as a learner would see it with `grep`, for evidence. */
export function statusLine(statusText: string, field: string): string | undefined {
  const value = statusField(statusText, field);
  return value === undefined ? undefined : `${field}: ${value.replace(/\s+/g, ' ')}`;
}

/** Real, effective, saved and filesystem uid from the `Uid:` line. */
export function statusUids(statusText: string): { real: number; effective: number; saved: number } | undefined {
  const numbers = statusField(statusText, 'Uid')?.split(/\s+/).map(Number);
  if (!numbers || numbers.length < 3 || numbers.some((n) => !Number.isInteger(n))) return undefined;
  const [real, effective, saved] = numbers as [number, number, number];
  return { real, effective, saved };
}
