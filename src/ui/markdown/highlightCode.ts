/**
 * Just enough colour for the snippets a container course shows: Dockerfile instructions,
 * YAML and JSON keys, comments, shell prompts. Anything else is shown as written. Pure.
 */
import { span, type Span } from './styledText.js';

const dockerfileInstruction = /^(\s*)(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(\s.*|$)/i;

export function highlightCode(line: string, lang: string): Span[] {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('#') || trimmed.startsWith('//')) return [span(line, { color: 'gray', italic: true })];
  const language = lang.toLowerCase();
  if (language === 'dockerfile' || language === 'docker' || (language === '' && dockerfileInstruction.test(line) && /^\s*[A-Z]+\s/.test(line))) {
    const match = dockerfileInstruction.exec(line);
    if (match) return [span(match[1] ?? ''), span(match[2] ?? '', { color: 'cyan', bold: true }), span(match[3] ?? '')];
  }
  if (['yaml', 'yml', 'json', 'jsonc', ''].includes(language)) {
    const key = /^(\s*-?\s*)("?[\w./-]+"?)(:)(.*)$/.exec(line);
    if (key) return [span(key[1] ?? ''), span(key[2] ?? '', { color: 'cyan' }), span(key[3] ?? ''), span(key[4] ?? '')];
  }
  if (['sh', 'bash', 'shell', 'console', 'text', ''].includes(language)) {
    const prompt = /^(\s*\$ )(.*)$/.exec(line);
    if (prompt) return [span(prompt[1] ?? '', { color: 'green' }), span(prompt[2] ?? '')];
  }
  return [span(line)];
}
