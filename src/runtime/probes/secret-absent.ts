/**
 * A secret planted by the challenge must appear nowhere in the image: not in its config (ENV,
 * LABEL, CMD), not in its history (`ARG` values and `RUN` lines are recorded there), and not in
 * any layer, including layers whose files a later step deleted. Layers are read from the same
 * archive `docker save` writes, streamed and capped so a huge image cannot stall the check.
 */
import type { Readable } from 'node:stream';
import * as z from 'zod';
import { historyStep, masked } from './imageHistory.js';
import { scanSavedImage } from './savedImageScan.js';
import type { Probe, ProbeContext } from './types.js';

const MAX_SCANNED_BYTES = 512 * 1024 * 1024;

const params = z.strictObject({
  /** The planted secret, exactly as the broken files contain it. */
  value: z.string().min(4),
});

export const secretAbsent: Probe<z.infer<typeof params>> = {
  id: 'secret-absent',
  title: 'The secret is baked into the image',
  passTitle: 'The secret is not baked into the image',
  fix: 'Never put the secret in ENV, ARG, a COPY or a RUN line: use RUN --mount=type=secret,id=... at build time and a secret file at run time, and rotate the value that leaked.',
  item: 'secrets.not-in-image',
  params,
  async run(context, { value }) {
    const places = [...configPlaces(context, value), ...(await historyPlaces(context, value))];
    const archive = (await context.docker.getImage(context.imageRef).get()) as unknown as Readable;
    const scan = await scanSavedImage(archive, value, MAX_SCANNED_BYTES);
    for (const hit of scan.hits) {
      const layer = hit.layerNumber === undefined ? 'in a layer' : `in layer ${hit.layerNumber} of ${hit.layerCount}`;
      places.push(`${layer}, file ${hit.file}`);
    }
    const capNote = scan.capped ? `; only the first ${MAX_SCANNED_BYTES / (1024 * 1024)} MiB of layer content were searched` : '';
    return places.length === 0
      ? { passed: true, evidence: `the secret is not in the image config, its history, nor any layer (${(scan.bytesScanned / 1e6).toFixed(1)} MB of files searched)${capNote}` }
      : { passed: false, evidence: `the secret is in the image: ${places.join('; ')}${capNote}` };
  },
};

function configPlaces({ image }: ProbeContext, value: string): string[] {
  const config = image.Config;
  const places: string[] = [];
  for (const entry of config.Env ?? []) {
    if (entry.includes(value)) places.push(`in ENV ${entry.split('=')[0]}`);
  }
  for (const [key, label] of Object.entries(config.Labels ?? {})) {
    if (key.includes(value) || label.includes(value)) places.push(`in LABEL ${key}`);
  }
  const fields: [string, unknown][] = [
    ['CMD', config.Cmd],
    ['ENTRYPOINT', config.Entrypoint],
    ['WORKDIR', config.WorkingDir],
    ['USER', config.User],
    ['HEALTHCHECK', (config as { Healthcheck?: unknown }).Healthcheck],
    ['ONBUILD', config.OnBuild],
    ['VOLUME', config.Volumes],
  ];
  for (const [name, field] of fields) {
    if (field !== undefined && field !== null && JSON.stringify(field).includes(value)) places.push(`in ${name}`);
  }
  return places;
}

async function historyPlaces({ docker, imageRef }: ProbeContext, value: string): Promise<string[]> {
  const history = (await docker.getImage(imageRef).history()) as { CreatedBy?: string; Comment?: string }[];
  return history
    .filter((step) => `${step.CreatedBy ?? ''}\n${step.Comment ?? ''}`.includes(value))
    .map((step) => `in history: ${shorten(masked(historyStep(step.CreatedBy ?? ''), value))}`);
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
