/**
 * Saying "command not found" when a build step fails because a program is missing. The builder
 * only reports `returned a non-zero code: 127` (classic) or `exit code: 127` (BuildKit), and a
 * learner who copied `adduser` from a lesson onto an image without it deserves the name of the
 * missing program and the line that asked for it. Pure: the builder's message, its log and the
 * failing step in; the message to show out.
 */

/**
 * The builder's failure message, rewritten when the step failed because a command is missing;
 * otherwise returned as it is.
 * @example buildFailureMessage("The command '/bin/sh -c adduser -D app' returned a non-zero code: 127", ['/bin/sh: adduser: not found'], 'Step 2/3 : RUN adduser -D app')
 * // 'command not found: adduser, in `RUN adduser -D app` (the shell said: /bin/sh: adduser: not found)'
 */
export function buildFailureMessage(message: string, log: readonly string[], step: string | undefined): string {
  const instruction = stepInstruction(step);
  const missing = missingCommand(message, log, instruction);
  if (!missing) return message;
  return `command not found: ${missing.name}${instruction ? `, in \`${instruction}\`` : ''} (${missing.said})`;
}

interface MissingCommand {
  name: string;
  said: string;
}

function missingCommand(message: string, log: readonly string[], instruction: string | undefined): MissingCommand | undefined {
  // Exec form (`RUN ["adduser", ...]`): the runtime refuses before any shell runs.
  const exec = /exec: "([^"]+)": executable file not found/.exec(message);
  if (exec?.[1]) return { name: exec[1], said: 'no such program in the image' };
  if (!/non-zero code: 127\b|exit code: 127\b/.test(message)) return undefined;
  // busybox and dash: `/bin/sh: adduser: not found`, `/bin/sh: 1: adduser: not found`;
  // bash: `bash: adduser: command not found`.
  for (const line of [...log].reverse()) {
    const text = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
    const said = /(?:^|\s)(?:\S*sh)?:\s*(?:\d+:\s*)?([^\s:]+): (?:command )?not found$/.exec(text);
    if (said?.[1]) return { name: said[1], said: `the shell said: ${text}` };
  }
  // The engine can end a step before the shell's last words reach the log (seen on a busy
  // engine); a RUN of one simple command can only be missing that command.
  const said = 'the step exited 127, the shell\'s code for a missing command';
  return { name: soleCommand(instruction) ?? 'a program this step runs', said };
}

/** `RUN useradd -r app` -> `useradd`; undefined when the shell line runs more than one command. */
function soleCommand(instruction: string | undefined): string | undefined {
  const command = /^RUN\s+(?!\[)(.*)$/s.exec(instruction ?? '')?.[1]?.trim();
  if (!command || /[;&|`\n<>()]|\$\(/.test(command)) return undefined;
  const first = command.split(/\s+/)[0];
  return first && !first.includes('=') && !first.startsWith('-') ? first : undefined;
}

/** `Step 2/3 : RUN adduser -D app` or BuildKit's `[2/3] RUN adduser -D app` -> `RUN adduser -D app`. */
function stepInstruction(step: string | undefined): string | undefined {
  if (!step) return undefined;
  const text = step.replace(/^Step \d+\/\d+ : /, '').replace(/^\[(?:\S+ )?\d+\/\d+\] /, '').trim();
  return text === '' ? undefined : text;
}
