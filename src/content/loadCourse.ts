/**
 * Reads the course from disk: every lessons/ Markdown file and every challenge.yaml under challenges/ (one challenge per
 * folder, with broken/, solution/ and hints.md). The parsing and validation are pure; this file
 * only walks folders and reads text. Every problem is collected, so an author sees them all.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../parse/position.js';
import { allRules } from '../rules/registry.js';
import { allProbes, probeParamsError } from '../runtime/probes/registry.js';
import { parseChallengeManifest, parseHints, parseLesson } from './parseContent.js';
import { fileKindByName } from '../checks/fileKinds.js';
import { baseImagesOf } from './baseImagesOfCourse.js';
import type { Challenge, ChallengeManifest, Lesson } from './schema.js';
import { CourseContentError, defaultCourseRoot, type Course } from './course.js';
import { validateCourse, type CourseProblem } from './validateCourse.js';
import { compareOrdinal } from '../shared/ordinal.js';

export { CourseContentError, defaultCourseRoot, lessonForItem, type Course } from './course.js';

export function loadCourse(root: string = defaultCourseRoot()): Course {
  const problems: CourseProblem[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ file: `${error.file}:${error.position.line}:${error.position.column}`, message: error.message });
      return undefined;
    }
  };

  const lessons = filesUnder(path.join(root, 'lessons'), (name) => name.endsWith('.md') && name !== 'README.md')
    .map((file) => attempt(() => parseLesson(readFileSync(file, 'utf8'), path.relative(root, file))))
    .filter((lesson): lesson is Lesson => lesson !== undefined)
    .sort((a, b) => a.order - b.order || compareOrdinal(a.id, b.id));

  const challenges = filesUnder(path.join(root, 'challenges'), (name) => name === 'challenge.yaml')
    .map((manifestFile) => {
      const folder = path.dirname(manifestFile);
      const relativeFolder = path.relative(root, folder).split(path.sep).join('/');
      const manifest = attempt(() => parseChallengeManifest(readFileSync(manifestFile, 'utf8'), `${relativeFolder}/challenge.yaml`));
      if (!manifest) return undefined;
      for (const side of ['broken', 'solution']) {
        for (const file of manifest.files) {
          if (!existsSync(path.join(folder, side, file))) problems.push({ file: `${relativeFolder}/${side}/${file}`, message: 'listed in files: but missing' });
        }
      }
      const hintsFile = path.join(folder, 'hints.md');
      const hints = existsSync(hintsFile) ? parseHints(readFileSync(hintsFile, 'utf8')) : [];
      declareDefaultImages(manifest, folder);
      return { ...manifest, folder: relativeFolder, hints } satisfies Challenge;
    })
    .filter((challenge): challenge is Challenge => challenge !== undefined)
    .sort((a, b) => a.order - b.order || compareOrdinal(a.id, b.id));

  problems.push(
    ...validateCourse(lessons, challenges, {
      ruleIds: new Set(allRules.map((rule) => rule.meta.id)),
      probes: new Map(allProbes.map((probe) => [probe.id, (params: Record<string, unknown>) => probeParamsError(probe, params)])),
    }),
  );
  if (problems.length > 0) throw new CourseContentError(problems);
  return { root, lessons, challenges };
}

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    // Never descend into a challenge's broken/ or solution/: those hold learner files, not content.
    if (statSync(full).isDirectory()) {
      if (entry !== 'broken' && entry !== 'solution') found.push(...filesUnder(full, accept));
    } else if (accept(entry)) {
      found.push(full);
    }
  }
  return found;
}

/**
 * A runtime check that names no `images:` may build FROM what its own broken, solution,
 * negative and alternative Dockerfiles use (what `images prepare` provides), and nothing else:
 * the pre-build gate refuses any other image before the engine could fetch it.
 */
function declareDefaultImages(manifest: ChallengeManifest, folder: string): void {
  const runtime = manifest.checks.runtime;
  if (!runtime || runtime.images !== undefined) return;
  const dockerfiles: { file: string; text: string }[] = [];
  const isDockerfile = (file: string) => fileKindByName(file) === 'dockerfile';
  for (const side of ['broken', 'solution']) {
    for (const file of [...manifest.files, runtime.dockerfile].filter(isDockerfile)) {
      const full = path.join(folder, side, file);
      if (existsSync(full)) dockerfiles.push({ file: full, text: readFileSync(full, 'utf8') });
    }
  }
  for (const variant of [...manifest.negativeFixes, ...manifest.alternativeSolutions]) {
    for (const [file, text] of Object.entries(variant.files)) if (isDockerfile(file)) dockerfiles.push({ file, text });
  }
  runtime.images = baseImagesOf(dockerfiles);
}

