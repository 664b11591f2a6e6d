/**
 * What one session made on the engine, and removing all of it: containers first (an image in
 * use is only untagged), then the session's images by tag or label, then the layers its builds
 * committed that no kept image stands on, newest first. Shared by the session's own cleanup and
 * by the reaper (reaper.ts), which runs it when the process that owned the session is gone.
 */
import type Docker from 'dockerode';
import { ownershipFromTag, SESSION_LABEL } from './labels.js';
import { removeContainer, removeImage } from './removal.js';

export interface SessionObjects {
  session: string;
  containers: string[];
  /** Tags (or ids) of images the session built. */
  images: string[];
  /** Ids of layers the session's classic builds committed, oldest first. */
  layers: string[];
}

/**
 * `complete`: every request the session made has returned, so `objects` names all it created
 * and the engine need not be searched (the check that ended normally); otherwise, and always
 * for the reaper, it is searched by label and tag for what a cut-short request left.
 */
export async function removeSessionObjects(docker: Docker, objects: SessionObjects, options: { complete?: boolean } = {}): Promise<void> {
  const filters = JSON.stringify({ label: [`${SESSION_LABEL}=${objects.session}`] });
  const search = options.complete !== true;
  // A create request cut short may have made a container whose id we never saw.
  const listed = search ? await docker.listContainers({ all: true, filters }).catch(() => []) : [];
  const containers = new Set([...objects.containers, ...listed.map((c) => c.Id)]);
  await Promise.all([...containers].map((id) => removeContainer(docker, id)));
  const images = new Set(objects.images);
  if (search) {
    // A build cut short may still have tagged (classic) or labelled (BuildKit) its image.
    const [labelled, all] = await Promise.all([docker.listImages({ filters }).catch(() => []), docker.listImages().catch(() => [])]);
    for (const info of labelled) images.add(info.Id);
    for (const info of all) for (const tag of info.RepoTags ?? []) if (ownershipFromTag(tag)?.session === objects.session) images.add(tag);
  }
  for (const reference of images) await removeImage(docker, reference);
  for (const layer of [...objects.layers].reverse()) await removeImage(docker, layer);
}
