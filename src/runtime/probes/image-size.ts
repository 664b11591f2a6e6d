/**
 * The image is small: a smaller image carries fewer packages, so fewer vulnerable ones. The size
 * is what the engine reports for the image, in decimal megabytes as `docker images` prints it.
 */
import * as z from 'zod';
import type { Probe } from './types.js';

const params = z.strictObject({
  maxBytes: z.number().int().positive(),
});

export const imageSize: Probe<z.infer<typeof params>> = {
  id: 'image-size',
  title: 'The image is larger than it needs to be',
  passTitle: 'The image is small',
  fix: 'Start from a minimal base image and copy only the built artifacts into the final stage.',
  item: 'image.minimal-base',
  observesOnly: true,
  params,
  async run({ image }, { maxBytes }) {
    const size = `${megabytes(image.Size)} MB`;
    return image.Size <= maxBytes
      ? { passed: true, evidence: `the image is ${size}, within the ${megabytes(maxBytes)} MB allowed` }
      : { passed: false, evidence: `the image is ${size}, above the ${megabytes(maxBytes)} MB allowed` };
  },
};

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
