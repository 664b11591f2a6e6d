// Makes every base image the course needs available on the Docker engine: already present,
// built as a local stand-in (offline machines), or pulled. Run after `npm install`; the same
// as `shipshape images prepare`, which this calls so the two never drift apart.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(['images', 'prepare']);
