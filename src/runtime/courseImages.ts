/**
 * Prepares every base image the course's challenges build FROM, so runtime checks work
 * offline. Used by `scripts/prepare-images.mjs` (CI, workshops) and by the test setup.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { baseImagesOf } from '../content/baseImagesOfCourse.js';
import type { Course } from '../content/loadCourse.js';
import { fileKindByName } from '../checks/fileKinds.js';
import { ensureBaseImages, type ImageSource } from './baseImages.js';

export function courseDockerfiles(course: Course): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const challenge of course.challenges) {
    for (const file of challenge.files.filter((f) => fileKindByName(f) === 'dockerfile')) {
      for (const side of ['broken', 'solution']) {
        const full = path.join(course.root, challenge.folder, side, file);
        if (existsSync(full)) found.push({ file: full, text: readFileSync(full, 'utf8') });
      }
    }
    // Wrong answers and other right answers are built too (author check, CI): their bases count.
    for (const variant of [...challenge.negativeFixes, ...challenge.alternativeSolutions]) {
      for (const [file, text] of Object.entries(variant.files)) {
        if (fileKindByName(file) === 'dockerfile') found.push({ file: `${challenge.folder}: ${variant.name}`, text });
      }
    }
  }
  return found;
}

export async function prepareCourseImages(docker: Docker, course: Course, onProgress?: (line: string) => void): Promise<Map<string, ImageSource>> {
  return ensureBaseImages(docker, baseImagesOf(courseDockerfiles(course)), onProgress);
}
