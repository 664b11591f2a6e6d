/**
 * Lessons are Markdown hard-wrapped at about 95 columns. Before wrapping them to the terminal,
 * join each paragraph and each list item back into one line (code blocks stay as written),
 * so a narrower terminal gets clean lines instead of ragged ones.
 */
export function reflowMarkdown(text: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('```')) inFence = !inFence;
    const previous = out.at(-1);
    const startsBlock = trimmed === '' || /^(#|```|[-*+] |\d+\. |>|\|)/.test(trimmed);
    // A continuation line: plain text right after a paragraph or list line, outside code.
    if (!inFence && !trimmed.startsWith('```') && !startsBlock && previous !== undefined && previous.trim() !== '' && !/^\s*(#|```|\|)/.test(previous) && !previous.trimStart().startsWith('    ')) {
      out[out.length - 1] = `${previous} ${trimmed}`;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
