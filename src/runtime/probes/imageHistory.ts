/**
 * Reading `docker history` lines back as the Dockerfile instructions a learner wrote, so that
 * evidence says "RUN echo ..." rather than "/bin/sh -c echo ...". Pure.
 */

/** `/bin/sh -c #(nop)  ENV X=1` is an ENV line; any other `/bin/sh -c ...` is a RUN line. */
export function historyStep(createdBy: string): string {
  const nop = /\/bin\/sh -c #\(nop\)\s*(.*)$/s.exec(createdBy);
  if (nop) return (nop[1] ?? '').trim();
  // The classic builder prefixes a RUN that saw ARG values with `|<count> NAME=value ...`.
  const withArgs = /^\|\d+ (.*?) \/bin\/sh -c (.*)$/s.exec(createdBy);
  if (withArgs) return `RUN ${(withArgs[2] ?? '').trim()} (build arguments recorded with it: ${withArgs[1] ?? ''})`;
  return `RUN ${createdBy.replace(/^\/bin\/sh -c /, '').trim()}`;
}

/** Evidence names where the secret is without printing it again. */
export function masked(text: string, value: string): string {
  return text.split(value).join('***');
}
