/**
 * EXPOSE tells the truth: the ports the image documents are the ones the running app listens
 * on beyond loopback, no more and no fewer. Read from the kernel's socket tables with
 * shipshape's trusted `cat`, compared with the image config's ExposedPorts.
 */
import * as z from 'zod';
import { exposedPortsVerdict, listeningSockets } from './listeningPorts.js';
import type { Probe } from './types.js';

/** The app may still be binding its port when the container reports running. */
const SETTLE_MS = 1000;

export const exposedPortsMatch: Probe = {
  id: 'exposed-ports-match',
  title: 'EXPOSE does not document the ports the app listens on',
  passTitle: "EXPOSE documents exactly the ports the app listens on",
  fix: "`EXPOSE` the port the server listens on for clients (e.g. `EXPOSE 8080`), and not ports bound to 127.0.0.1 for the container's own use.",
  item: 'image.expose',
  observesOnly: true,
  params: z.strictObject({}),
  async run({ image, execTrusted }) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const exposed = Object.keys(image.Config.ExposedPorts ?? {})
      .filter((key) => key.endsWith('/tcp') || !key.includes('/'))
      .map((key) => Number.parseInt(key, 10))
      .filter(Number.isInteger);
    const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map(async (file) => {
      const read = await execTrusted(['cat', file]);
      return read.exitCode === 0 ? read.stdout : '';
    }));
    return exposedPortsVerdict(exposed, listeningSockets(...tables));
  },
};
