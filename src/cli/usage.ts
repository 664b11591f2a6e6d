/**
 * Command-line usage, in one table: `--help`, each command's help and the README read the same
 * words. Parsing uses node:util's parseArgs, so starting the CLI imports nothing heavy.
 */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandHelp {
  name: string;
  usage: string;
  summary: string;
  options: [string, string][];
}

export const commands: CommandHelp[] = [
  {
    name: 'start',
    usage: 'shipshape [start]',
    summary: 'Start the interactive course (lessons, quizzes, challenges).',
    options: [],
  },
  {
    name: 'list',
    usage: 'shipshape list [--json]',
    summary: 'List lessons and challenges with their ids, kinds and checks.',
    options: [['--json', 'machine-readable output']],
  },
  {
    name: 'lesson',
    usage: 'shipshape lesson <lesson-id | item-id>',
    summary: 'Print a lesson in the terminal (by its id, or by the curriculum item it teaches).',
    options: [],
  },
  {
    name: 'check',
    usage: 'shipshape check <challenge-id> [--dir DIR] [--static-only] [--json]',
    summary: "Check a challenge: static rules, then build and run the container and probe it from inside.",
    options: [
      ['--dir DIR', "check the files in DIR instead of your workspace copy of the challenge"],
      ['--static-only', 'skip building and running (no Docker engine needed)'],
      ['--json', 'machine-readable verdict'],
    ],
  },
  {
    name: 'lint',
    usage: 'shipshape lint <paths...> [--format text|json|sarif] [--profile NAME]',
    summary: 'Check your own Dockerfiles, compose files, Kubernetes manifests, CI workflows and daemon.json.',
    options: [
      ['--format FORMAT', 'text (default), json, or sarif (SARIF 2.1.0 for code scanning)'],
      ['--profile NAME', 'only the controls of pss-baseline or pss-restricted (Kubernetes Pod Security Standards)'],
    ],
  },
  {
    name: 'rules',
    usage: 'shipshape rules [--json]',
    summary: 'Every lint rule: severity, checklist item, peers in other tools.',
    options: [['--json', 'every rule with why, fix, references and differences']],
  },
  {
    name: 'explain',
    usage: 'shipshape explain <rule-id> [--json]',
    summary: 'One rule in full: why, how to fix, how it differs from peers.',
    options: [['--json', 'machine-readable explanation']],
  },
  {
    name: 'coverage',
    usage: 'shipshape coverage [--json]',
    summary: 'For each checklist item: the lessons, challenges, rules and probes that cover it.',
    options: [['--json', 'machine-readable table']],
  },
  {
    name: 'author',
    usage: 'shipshape author check [challenge-id...] [--static-only] [--json] | author schema',
    summary: 'For course authors: prove challenges (broken fails, solution passes, wrong answers fail), or print the content formats.',
    options: [
      ['--static-only', 'skip the runtime half of each check'],
      ['--json', 'machine-readable results'],
    ],
  },
  {
    name: 'images',
    usage: 'shipshape images prepare | save <file.tar> | load <file.tar> | status [--json]',
    summary: 'The base images the course builds FROM: make them available, move them as an offline bundle, or list what is missing.',
    options: [['--json', 'machine-readable status (exit 1 when an image is missing)']],
  },
];

export function generalHelp(version: string): string {
  return [
    `shipshape ${version}: a terminal course in container security`,
    '',
    'Usage:',
    // Usage on one line, what it does on the next: the table stays readable in 80 columns.
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Options:',
    '  -h, --help     show help (also after a command: shipshape check --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 success, 1 a check or lint failed, 2 usage or input error.',
    'Your work is kept in $XDG_DATA_HOME/shipshape (or SHIPSHAPE_HOME).',
  ].join('\n');
}

export function commandHelp(name: string): string {
  const command = commands.find((c) => c.name === name);
  if (!command) return '';
  const width = Math.max(0, ...command.options.map(([flag]) => flag.length));
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    ...(command.options.length > 0 ? ['', 'Options:', ...command.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)] : []),
  ].join('\n');
}
