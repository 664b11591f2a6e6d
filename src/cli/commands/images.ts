/**
 * `shipshape images prepare|save|load|status`: the base images the course builds FROM. prepare
 * makes each available (present, a local stand-in, or pulled with a progress display); save and
 * load move them as one offline bundle for workshops without a registry; status says what is
 * there. All four read the list of images from the course itself, so it is never out of date.
 */
import path from 'node:path';
import { baseImagesOf } from '../../content/baseImagesOfCourse.js';
import { ensureBaseImages, imageStatuses } from '../../runtime/baseImages.js';
import { formatSize } from '../../runtime/buildContext.js';
import { courseDockerfiles } from '../../runtime/courseImages.js';
import { connectEngine } from '../../runtime/engine.js';
import { BundleError, loadBundle, saveBundle } from '../../runtime/imageBundle.js';
import { pullDisplay } from '../../runtime/pullProgress.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { cliCourse } from '../course.js';

export type ImagesAction = 'prepare' | 'save' | 'load' | 'status';

export interface ImagesCommandOptions {
  action: ImagesAction;
  /** The bundle, for save and load. */
  file?: string;
  json: boolean;
}

export async function imagesCommand(options: ImagesCommandOptions, io: Io): Promise<number> {
  const needed = baseImagesOf(courseDockerfiles((await cliCourse())));
  const docker = await connectEngine();
  try {
    switch (options.action) {
      case 'status': {
        const statuses = await imageStatuses(docker, needed);
        if (options.json) {
          io.out(JSON.stringify({ version: 1, images: statuses.map(({ reference, present, standIn, lacks, outdated }) => ({ reference, present, standIn, lacks, outdated })) }, null, 2));
        } else {
          for (const status of statuses) {
            const state = status.present ? style.green(status.standIn ? 'present (local stand-in)' : 'present') : style.red('missing');
            io.out(`${status.reference}  ${state}${status.outdated ? ' (made by an older shipshape: run shipshape images prepare)' : ''}`);
            for (const lack of status.lacks) io.out(`  stand-in lacks: ${lack}`);
          }
        }
        return statuses.every((status) => status.present) ? 0 : 1;
      }
      case 'prepare': {
        // One rewriting line on a terminal; plain lines when stderr is a log or a pipe.
        const interactive = process.stderr.isTTY === true;
        const display = pullDisplay((text) => (interactive ? process.stderr.write(text) : io.err(text.trimEnd())), interactive);
        try {
          const sources = await ensureBaseImages(docker, needed, (line) => io.err(style.dim(line, process.stderr)), display.onEvent);
          display.finish();
          for (const [reference, source] of sources) io.out(`${reference}: ${source}`);
          return 0;
        } catch (error) {
          display.finish();
          io.err(`shipshape: could not make every base image available: ${(error as Error).message}`);
          io.err('Without a registry, load an offline bundle made elsewhere: shipshape images load <file.tar>');
          return 1;
        }
      }
      case 'save': {
        const file = path.resolve(requireFile(options));
        const { bytes } = await saveBundle(docker, needed, file);
        io.out(`Saved ${needed.length} image${needed.length === 1 ? '' : 's'} (${formatSize(bytes)}) to ${file}: ${needed.join(', ')}`);
        return 0;
      }
      case 'load': {
        const file = path.resolve(requireFile(options));
        const loaded = await loadBundle(docker, file);
        io.out(`Loaded from ${file}: ${loaded.join(', ') || 'nothing'}`);
        const missing = (await imageStatuses(docker, needed)).filter((status) => !status.present).map((status) => status.reference);
        if (missing.length > 0) {
          io.err(`shipshape: the course still needs ${missing.join(', ')}`);
          return 1;
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof BundleError) {
      io.err(`shipshape: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function requireFile(options: ImagesCommandOptions): string {
  if (!options.file) throw new UsageError(`\`images ${options.action}\` needs the bundle's file name`, 'images');
  return options.file;
}
