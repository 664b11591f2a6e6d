/**
 * Runtime tests need a real Docker engine. When none answers, this setup throws, and the whole
 * runtime project fails with the reason: it never skips.
 */
import { loadCourse } from '../../src/content/loadCourse.js';
import { connectEngine } from '../../src/runtime/engine.js';
import { prepareCourseImages } from '../../src/runtime/courseImages.js';
import { sweepLeftovers } from '../../src/runtime/session.js';

export default async function setup(): Promise<void> {
  let docker;
  try {
    docker = await connectEngine(10_000);
  } catch (error) {
    throw new Error(
      `The runtime tests need a real Docker engine and none answered.\n${(error as Error).message}\n` +
        'On a fresh Debian machine, `bash .ci/run` installs and starts one.',
    );
  }
  await sweepLeftovers(docker);
  await prepareCourseImages(docker, loadCourse(), (line) => console.log(`[runtime setup] ${line}`));
}
