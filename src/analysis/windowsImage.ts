/**
 * Whether a Dockerfile builds a Windows container image. POSIX advice (SUID bits, `chmod`,
 * uid 10001, alpine) means nothing there: Windows has no setuid bit, its accounts are
 * `ContainerAdministrator` and `ContainerUser`, and its small base is Nano Server. Rules that
 * give such advice ask here first.
 */
import type { DockerfileModel, ImageReference } from '../parse/dockerfile.js';
import { finalBaseImage, finalImageInstructions } from './finalImage.js';

/** Microsoft's Windows base images, and the tag words of Windows variants of other images. */
const WINDOWS_IMAGE_NAMES = /^(?:mcr\.microsoft\.com\/windows(?:\/[a-z-]+)?|microsoft\/(?:windowsservercore|nanoserver)|mcr\.microsoft\.com\/powershell\/?.*nanoserver.*)$/i;
const WINDOWS_TAG_WORDS = /(?:^|[-_.])(?:windowsservercore|servercore|nanoserver|ltsc20\d\d|windows|win20\d\d|1809|20h2)(?:[-_.]|$)/i;

/**
 * True when the image reference is a Windows image by name or tag.
 *
 * @example isWindowsImageReference(parseImageReference('mcr.microsoft.com/windows/servercore:ltsc2022')) // true
 * @example isWindowsImageReference(parseImageReference('python:3.12.1-windowsservercore-ltsc2022')) // true
 */
export function isWindowsImageReference(base: ImageReference): boolean {
  return WINDOWS_IMAGE_NAMES.test(base.name) || WINDOWS_TAG_WORDS.test(base.tag ?? '');
}

/**
 * True when the final image is a Windows image: its base says so, or its SHELL is PowerShell or
 * cmd (a Linux image would have no use for either).
 */
export function isWindowsImage(model: DockerfileModel): boolean {
  if (isWindowsImageReference(finalBaseImage(model).base)) return true;
  return finalImageInstructions(model).some((instruction) =>
    instruction.keyword === 'SHELL' && /^(?:powershell|pwsh|cmd)(?:\.exe)?$/i.test((instruction.args[0] ?? '').split(/[\\/]/).at(-1) ?? ''));
}

/** Nano Server starts as `ContainerUser`; Server Core and Windows start as `ContainerAdministrator`. */
export function isNanoServer(base: ImageReference): boolean {
  return /nanoserver/i.test(`${base.name}:${base.tag ?? ''}`);
}
