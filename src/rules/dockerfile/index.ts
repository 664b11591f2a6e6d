/** The Dockerfile rules. A meta-test fails when a rule file in this folder is missing here. */
import type { DockerfileRule } from '../types.js';
import { aptNoInstallRecommends } from './apt-no-install-recommends.js';
import { copyWholeContext } from './copy-whole-context.js';
import { documentExposedPorts } from './document-exposed-ports.js';
import { minimalBaseImage } from './minimal-base-image.js';
import { missingHealthcheck } from './missing-healthcheck.js';
import { multiStageBuild } from './multi-stage-build.js';
import { noCopiedSecretFiles } from './no-copied-secret-files.js';
import { noCurlPipeShell } from './no-curl-pipe-shell.js';
import { noLiteralCredentials } from './no-literal-credentials.js';
import { noRootUser } from './no-root-user.js';
import { noSecretBuildArgs } from './no-secret-build-args.js';
import { noSecretVariables } from './no-secret-variables.js';
import { noSetuidChmod } from './no-setuid-chmod.js';
import { noSshPort } from './no-ssh-port.js';
import { noSudo } from './no-sudo.js';
import { noWorldWritable } from './no-world-writable.js';
import { pinBaseImage } from './pin-base-image.js';
import { preferCopyOverAdd } from './prefer-copy-over-add.js';
import { stripSetuidBits } from './strip-setuid-bits.js';
import { trustedBaseImage } from './trusted-base-image.js';
import { useSecretMounts } from './use-secret-mounts.js';

export const dockerfileRules: DockerfileRule[] = [
  noRootUser,
  // Images and supply chain
  pinBaseImage,
  trustedBaseImage,
  noCurlPipeShell,
  minimalBaseImage,
  aptNoInstallRecommends,
  multiStageBuild,
  copyWholeContext,
  preferCopyOverAdd,
  stripSetuidBits,
  noSetuidChmod,
  missingHealthcheck,
  documentExposedPorts,
  noSshPort,
  // Secrets
  noSecretVariables,
  noSecretBuildArgs,
  noLiteralCredentials,
  noCopiedSecretFiles,
  useSecretMounts,
  // Runtime
  noSudo,
  noWorldWritable,
];
