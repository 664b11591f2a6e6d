/** `shipshape doctor [--json]`: is this machine ready for the course? Exit 1 when something must be fixed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagesOf } from '../../content/baseImagesOfCourse.js';
import { diagnose, formatDiagnosis } from '../../doctor/diagnose.js';
import { gatherFacts } from '../../doctor/gatherFacts.js';
import { courseDockerfiles } from '../../runtime/courseImages.js';
import { dataDirectory } from '../../workspace/paths.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';

export async function doctorCommand(options: { json: boolean }, io: Io): Promise<number> {
  const facts = await gatherFacts({
    env: process.env,
    images: baseImagesOf(courseDockerfiles((await cliCourse()))),
    dataDir: dataDirectory(),
    nodeRequired: nodeRequirement(),
  });
  const diagnosis = diagnose(facts);
  io.out(options.json ? JSON.stringify({ version: 1, ...diagnosis }, null, 2) : formatDiagnosis(diagnosis));
  return diagnosis.ok ? 0 : 1;
}

function nodeRequirement(): string {
  try {
    // dist/bundle/*.js or src/cli/commands/*.ts: package.json is found by walking up.
    for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; engines?: { node?: string } };
        if (json.name === 'shipshape') return json.engines?.node ?? '>=20.19';
      } catch {
        // not here; keep walking
      }
    }
  } catch {
    // fall through
  }
  return '>=20.19';
}
