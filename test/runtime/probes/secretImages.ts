/**
 * Images that hide (or do not hide) a planted secret, shared by the secret probe tests: the
 * secret in a file deleted by a later step, in ENV and a RUN's build argument, kept in a file, or
 * nowhere at all.
 */
import type { RuntimeSession } from '../../../src/runtime/session.js';
import { buildTestImage } from '../../helpers/probeContext.js';

export const SECRET = 'sk-live-7f3a9c1e5b';

export function secretImages(session: RuntimeSession) {
  return {
    clean: () => buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /app\nCOPY server.sh .\n', 'server.sh': 'echo serving\n', '.env': `API_KEY=${SECRET}\n` }),
    deletedLater: () => buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /app\nCOPY .env .\nRUN rm /app/.env\n', '.env': `API_KEY=${SECRET}\n` }),
    inConfig: () => buildTestImage(session, { Dockerfile: `FROM busybox:1.36.1\nENV API_KEY=${SECRET}\nARG TOKEN=${SECRET}\nRUN echo building\n` }),
    keptFile: () => buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /app\nCOPY .env .\n', '.env': `API_KEY=${SECRET}\n` }),
  };
}
