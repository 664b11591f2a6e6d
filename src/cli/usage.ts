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
    usage: 'shipshape [start] [--plain]',
    summary: 'Start the interactive course (lessons, quizzes, challenges).',
    options: [['--plain', 'sequential text without animation (also when not a terminal, or with a screen reader)']],
  },
  {
    name: 'list',
    usage: 'shipshape list [--json]',
    summary: 'List lessons and challenges with their ids, kinds and checks.',
    options: [['--json', 'machine-readable output']],
  },
  {
    name: 'lesson',
    usage: 'shipshape lesson <lesson-id | item-id> [--answers]',
    summary: 'Print a lesson in the terminal (by its id, or by the curriculum item it teaches).',
    options: [['--answers', 'show the quiz answers and explanations too']],
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
    name: 'watch',
    usage: 'shipshape watch <challenge-id> [--dir DIR] [--static-only]',
    summary: 'Check again on every save (static at once, runtime after a pause); q or Ctrl-C quits.',
    options: [
      ['--dir DIR', 'watch the files in DIR instead of your workspace copy'],
      ['--static-only', 'never build or run (no Docker engine needed)'],
    ],
  },
  {
    name: 'progress',
    usage: 'shipshape progress [--json]',
    summary: 'What you passed, tried and have left, quiz scores, and the next step.',
    options: [['--json', 'machine-readable progress (version 1)']],
  },
  {
    name: 'next',
    usage: 'shipshape next',
    summary: 'The next lesson or challenge in course order, and the command that opens it.',
    options: [],
  },
  {
    name: 'hint',
    usage: 'shipshape hint <challenge-id> [N]',
    summary: "A challenge's next hint (or hint N), one at a time.",
    options: [],
  },
  {
    name: 'solution',
    usage: 'shipshape solution <challenge-id> [--force]',
    summary: 'Your files against the reference solution, once the challenge passed.',
    options: [['--force', 'show it before passing (your progress notes that you looked)']],
  },
  {
    name: 'reset',
    usage: 'shipshape reset <challenge-id> [--yes]',
    summary: 'Put the broken files back in your workspace (yours are kept as <file>.bak).',
    options: [['-y, --yes', 'do not ask for confirmation']],
  },
  {
    name: 'lint',
    usage: 'shipshape lint <paths...|-> [--format FORMAT] [--profile NAME] [--config FILE] [--exclude GLOB] [--fail-on SEVERITY]',
    summary: 'Check your own Dockerfiles, compose files, Kubernetes manifests (YAML or JSON), CI workflows and daemon.json.',
    options: [
      ['--format FORMAT', 'text (default), json, sarif (SARIF 2.1.0 for code scanning), github (annotations) or gitlab (Code Quality)'],
      ['--profile NAME', 'only the controls of pss-baseline or pss-restricted (Kubernetes Pod Security Standards), e.g. pss-restricted@v1.30'],
      ['--config FILE', 'use FILE instead of the nearest .shipshape.yaml above each path'],
      ['--exclude GLOB', 'leave out paths matching a gitignore-style pattern (repeatable)'],
      ['--fail-on SEVERITY', 'exit 1 on findings of this severity or worse: error (default), warning or info'],
      ['--stdin-filename NAME', 'with `-`: what standard input is, e.g. `helm template . | shipshape lint --stdin-filename chart.yaml -`'],
      ['--print-config', 'print the settings that apply to each path and exit'],
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
  {
    name: 'grade',
    usage: 'shipshape grade <submissions> [options] | grade merge <reports...> [--out F]',
    summary: 'For instructors: check each <student>/<challenge-id>/ folder, report scores.',
    options: [
      ['--challenges IDS', 'comma-separated challenge ids (default: every challenge)'],
      ['--format FORMAT', 'json (default), junit (Jenkins, GitLab), csv (a gradebook) or text'],
      ['--out FILE', 'write the report to FILE instead of standard output'],
      ['--jobs N', 'submissions checked at once on each engine (default 1)'],
      ['--engine URL', 'spread over this engine too (unix://, tcp://, ssh://); repeat for several'],
      ['--shard i/n', 'grade only the i-th of n shards of the students (for CI matrices)'],
      ['--seeds FILE', 'student,seed lines: check each student against their own variant'],
      ['--sign-key FILE', 'sign the report with this Ed25519 private key (PEM) into FILE.sig'],
      ['--timeout S', "one submission's time limit in seconds (default 210)"],
    ],
  },
  {
    name: 'verify-report',
    usage: 'shipshape verify-report <report> --public-key FILE [--signature FILE]',
    summary: 'Check that a grade report is unchanged since it was signed (<report>.sig).',
    options: [
      ['--public-key FILE', 'the Ed25519 public key (PEM) of the grader'],
      ['--signature FILE', 'the signature file (default: <report>.sig)'],
    ],
  },
  {
    name: 'variant',
    usage: 'shipshape variant <challenge-id> --seed S --out DIR [--solution]',
    summary: "For instructors: write a student's own variant of a challenge to DIR.",
    options: [
      ['--seed S', "the student's seed, as in seeds.csv"],
      ['--out DIR', 'the folder to write (must not exist or be empty)'],
      ['--solution', 'also write the solution, under DIR/solution'],
    ],
  },
  {
    name: 'export',
    usage: 'shipshape export [--out FILE] [--student ID]',
    summary: 'Pack your work (workspaces, progress, verdicts) into one archive to hand in.',
    options: [
      ['--out FILE', 'the archive (default: <student>.shipshape.tar in the current folder)'],
      ['--student ID', 'your id in the class (default: your user name)'],
    ],
  },
  {
    name: 'doctor',
    usage: 'shipshape doctor [--json]',
    summary: 'Check this machine: Node, the engine and how it is reached, images, disk.',
    options: [['--json', 'machine-readable diagnosis (exit 1 when there is a problem)']],
  },
  {
    name: 'workshop',
    usage: 'shipshape workshop bundle --out FILE | workshop load FILE',
    summary: 'For workshop hosts: images and course version in one file, loaded offline.',
    options: [['--out FILE', 'the bundle to write']],
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
