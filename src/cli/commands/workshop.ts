/**
 * `shipshape workshop bundle --out FILE` (the host, once, online) and `shipshape workshop load
 * FILE` (each laptop, offline): verifies the bundle's checksum, loads the images, then runs
 * doctor so the learner sees at once whether the laptop is ready.
 */
import { baseImagesOf } from '../../content/baseImagesOfCourse.js';
import { courseDockerfiles } from '../../runtime/courseImages.js';
import { connectEngine } from '../../runtime/engine.js';
import { BundleError } from '../../runtime/imageBundle.js';
import { loadWorkshopBundle, WorkshopBundleError, writeWorkshopBundle } from '../../workshop/workshopBundle.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { packageVersion } from '../version.js';
import { doctorCommand } from './doctor.js';

export async function workshopBundleCommand(options: { out: string | undefined }, io: Io): Promise<number> {
  if (options.out === undefined) throw new UsageError('--out FILE is required', 'workshop');
  const images = baseImagesOf(courseDockerfiles((await cliCourse())));
  const docker = await connectEngine();
  try {
    const manifest = await writeWorkshopBundle(docker, images, packageVersion(), options.out);
    io.out(`wrote ${options.out}: shipshape ${manifest.shipshapeVersion}, ${manifest.images.length} image(s), ${(manifest.imagesBytes / 1e6).toFixed(1)} MB, sha256 ${manifest.imagesSha256}`);
    return 0;
  } catch (error) {
    if (error instanceof BundleError) {
      io.err(`shipshape: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

export async function workshopLoadCommand(options: { file: string }, io: Io): Promise<number> {
  const docker = await connectEngine();
  try {
    const { manifest, loaded } = await loadWorkshopBundle(docker, options.file);
    io.out(`checksum ok; loaded ${loaded.length} image(s): ${loaded.join(', ')}`);
    if (manifest.shipshapeVersion !== packageVersion()) {
      io.err(style.yellow(`note: the bundle was made by shipshape ${manifest.shipshapeVersion}; this is ${packageVersion()}. Images may differ from what this course needs; doctor says.`, process.stderr));
    }
  } catch (error) {
    if (error instanceof WorkshopBundleError || error instanceof BundleError) {
      io.err(`shipshape: ${error.message}`);
      return 1;
    }
    throw error;
  }
  io.out('');
  return doctorCommand({ json: false }, io);
}
