/**
 * The verdict of the multi-stage probe, from two lists of paths: those the builder's image
 * holds and those the final image holds. Pure, so the wording is tested without Docker.
 */

export interface BuildToolsObservation {
  builderImage: string;
  /** Every path looked for (compiler, package manager, build cache). */
  paths: string[];
  inBuilder: string[];
  inFinal: string[];
}

export function buildToolsVerdict({ builderImage, paths, inBuilder, inFinal }: BuildToolsObservation): { passed: boolean; evidence: string } {
  if (inBuilder.length === 0) {
    return { passed: false, evidence: `none of ${paths.join(', ')} is in ${builderImage}, so the comparison proves nothing: the challenge names the wrong builder image` };
  }
  const had = `the builder's image ${builderImage} has ${inBuilder.join(', ')}`;
  const shipped = inFinal.filter((p) => inBuilder.includes(p));
  if (inFinal.length > 0) {
    return { passed: false, evidence: `${had}; the final image still has ${inFinal.join(', ')}${shipped.length < inFinal.length ? '' : ': the build tools ship to production'}` };
  }
  return { passed: true, evidence: `${had}; the final image has none of them` };
}
