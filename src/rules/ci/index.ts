/** The ci rules. A meta-test fails when a rule file in this folder is missing here. */
import type { CiWorkflowRule } from '../types.js';
import { generateSbom } from './generate-sbom.js';
import { pullRequestTargetCheckout } from './pull-request-target-checkout.js';
import { scanBuiltImages } from './scan-built-images.js';
import { scanCanFail } from './scan-can-fail.js';
import { scanSeverityGate } from './scan-severity-gate.js';
import { signImages } from './sign-images.js';
import { tokenPermissions } from './token-permissions.js';
import { workflowRunCheckout } from './workflow-run-checkout.js';

export const ciRules: CiWorkflowRule[] = [
  scanBuiltImages,
  scanCanFail,
  scanSeverityGate,
  generateSbom,
  signImages,
  tokenPermissions,
  pullRequestTargetCheckout,
  workflowRunCheckout,
];
