/**
 * Inline suppressions, the way linters' users expect them, with a reason required:
 *
 *   # shipshape-ignore dockerfile/no-root-user -- this one-shot migration image must run as root
 *   USER root
 *
 * A comment on a line of its own applies to the next line that is not blank or a comment; a
 * comment at the end of a line (YAML) applies to that line. Several ids may be separated by
 * commas. Without `-- reason` the comment is ignored, so every suppression explains itself.
 */
const DIRECTIVE = /#\s*shipshape-ignore\s+([\w/-]+(?:\s*,\s*[\w/-]+)*)\s+--\s+\S/;

export function suppressedRulesByLine(text: string): Map<number, Set<string>> {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, Set<string>>();
  const add = (line: number, ids: string) => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const id of ids.split(',')) set.add(id.trim());
    byLine.set(line, set);
  };
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match?.[1]) return;
    if (!/^\s*#/.test(line)) {
      add(index + 1, match[1]);
      return;
    }
    for (let next = index + 1; next < lines.length; next++) {
      const candidate = lines[next] ?? '';
      if (candidate.trim() === '' || /^\s*#/.test(candidate)) continue;
      add(next + 1, match[1]);
      break;
    }
  });
  return byLine;
}
