/**
 * The docs test (after typescript-eslint's linted doc samples): every code block of the lessons
 * and hints marked `run` (docs/authoring-code-blocks.md), and the Dockerfile lines of the rule
 * fix texts listed below, is built or run against the offline busybox:1.36.1 image. A sample that
 * stops working fails here with its file and line. The checklist's addgroup/adduser line is
 * checked for its result too: uid 1001, gid 1001.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loadCourse.js';
import { inlineCode, runnableBlocks, type CodeBlock } from '../../src/content/runnableBlocks.js';
import { findRule } from '../../src/rules/registry.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { testEngine } from '../helpers/docker.js';
import { BASE_IMAGE, buildTestImage, sessionLeftovers, startProbeTarget } from '../helpers/probeContext.js';

const course = loadCourse();
const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

/** The tag buildTestImage gives a session's image: `shipshape-check/probe-test:<owner>`. */
const PROBE_TEST_TAG = /^shipshape-check\/probe-test:/;

const CHECKLIST_LINE = 'RUN addgroup -g 1001 -S appgroup && adduser -S appuser -u 1001 -G appgroup';

/** Rules whose fix text shows Dockerfile lines a learner can use on busybox as written. */
const runnableFixes = ['dockerfile/no-root-user', 'dockerfile/missing-healthcheck'];

function markdownSources(): { source: string; text: string }[] {
  // The whole file, so a block's line is the line an author sees in the editor.
  const lessons = course.lessons.map((lesson) => ({ source: lesson.source, text: readFileSync(path.join(course.root, lesson.source), 'utf8') }));
  const hints = course.challenges.map((challenge) => {
    const source = path.join(challenge.folder, 'hints.md');
    return { source, text: readFileSync(path.join(course.root, source), 'utf8') };
  });
  return [...lessons, ...hints];
}

const blocks: CodeBlock[] = markdownSources().flatMap(({ source, text }) => runnableBlocks(text, source));

/** The Dockerfile lines of a fix text: its `RUN`, `USER` and `HEALTHCHECK` code spans, in order. */
function fixDockerfile(ruleId: string): string {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const lines = inlineCode(rule.meta.fix).filter((span) => /^(RUN|USER|HEALTHCHECK) /.test(span));
  return `${lines.join('\n')}\n`;
}

function withBase(code: string): string {
  return /^\s*FROM\s/m.test(code) ? code : `FROM ${BASE_IMAGE}\n${code}`;
}

describe('runnable code in the docs', () => {
  it('finds the marked blocks, the checklist line among them', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks.some((block) => block.code.includes(CHECKLIST_LINE))).toBe(true);
    for (const block of blocks) expect(['dockerfile', 'sh'], `${block.source}:${block.line}`).toContain(block.language);
  });

  it.each(blocks.map((block) => [`${block.source}:${block.line} (${block.language})`, block] as const))('%s works on busybox:1.36.1', async (_where, block) => {
    if (block.language === 'dockerfile') {
      await expect(buildTestImage(session, { Dockerfile: withBase(block.code) })).resolves.toMatch(PROBE_TEST_TAG);
    } else {
      const context = await startProbeTarget(session);
      const result = await context.exec(['sh', '-euc', block.code]);
      expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    }
  });

  it.each(runnableFixes)('the fix text of %s builds on busybox:1.36.1', async (ruleId) => {
    const dockerfile = fixDockerfile(ruleId);
    expect(dockerfile.trim()).not.toBe('');
    await expect(buildTestImage(session, { Dockerfile: withBase(dockerfile) })).resolves.toMatch(PROBE_TEST_TAG);
  });

  it("makes uid 1001 and gid 1001 with the checklist's addgroup/adduser line", async () => {
    const image = await buildTestImage(session, { Dockerfile: `FROM ${BASE_IMAGE}\n${CHECKLIST_LINE}\nUSER appuser\n` });
    const context = await startProbeTarget(session, { image, cmd: ['sleep', '300'] });
    const ids = await Promise.all([context.exec(['id', '-u']), context.exec(['id', '-g']), context.exec(['id', '-un']), context.exec(['id', '-gn'])]);
    expect(ids.map((result) => result.stdout.trim())).toEqual(['1001', '1001', 'appuser', 'appgroup']);
  });

  it('makes the user of the no-root-user fix with uid and gid 10001, as its USER line names', async () => {
    const image = await buildTestImage(session, { Dockerfile: withBase(fixDockerfile('dockerfile/no-root-user')) });
    const context = await startProbeTarget(session, { image, cmd: ['sleep', '300'], user: 'app' });
    const ids = await Promise.all([context.exec(['id', '-u']), context.exec(['id', '-g'])]);
    expect(ids.map((result) => result.stdout.trim())).toEqual(['10001', '10001']);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
