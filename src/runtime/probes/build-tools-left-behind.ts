/**
 * Multi-stage evidence: the compiler, the package manager and the build cache are in the
 * builder's image and absent from the final one. Both are asked through the engine's archive
 * API, which needs no shell or `ls` in either image: the final image is a container already
 * running; the builder's image gets a container that is created, never started, carries the
 * checked container's labels (so the session's cleanup finds it) and is removed at once.
 */
import type Docker from 'dockerode';
import * as z from 'zod';
import { buildToolsVerdict } from './buildToolsVerdict.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  /** The image the builder stage starts FROM, e.g. `gcc:13.2.0`. */
  builderImage: z.string().min(1),
  /** Compiler, package manager and build cache paths to look for. */
  paths: z.array(z.string().startsWith('/')).min(1).default(['/usr/local/bin/gcc', '/usr/bin/apt-get', '/var/lib/apt/lists', '/var/cache/apt']),
});

export const buildToolsLeftBehind: Probe<z.infer<typeof params>> = {
  id: 'build-tools-left-behind',
  title: 'Build tools ship in the final image',
  passTitle: "The build tools stay in the builder stage",
  fix: "Compile in a named builder stage (`FROM gcc:13.2.0 AS build`) and start the final stage from `scratch` or a distroless image, copying only the result with `COPY --from=build /out/server /server`.",
  item: 'image.multi-stage',
  params,
  async run(context, { builderImage, paths }) {
    const inFinal = await present(context.container, paths);
    const builder = await context.docker.createContainer({
      Image: builderImage,
      Cmd: ['/nonexistent'],
      Labels: context.containerInfo.Config.Labels ?? {},
      NetworkDisabled: true,
      HostConfig: { NetworkMode: 'none' },
    });
    try {
      const inBuilder = await present(builder, paths);
      return buildToolsVerdict({ builderImage, paths, inBuilder, inFinal });
    } finally {
      await builder.remove({ force: true }).catch(() => undefined);
    }
  },
};

async function present(container: Docker.Container, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const target of paths) {
    try {
      // Drain the HEAD response so its socket closes now (see files-absent.ts).
      const response = (await container.infoArchive({ path: target })) as unknown as { resume?: () => void; destroy?: () => void };
      response.resume?.();
      response.destroy?.();
      found.push(target);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
  return found;
}
