// Makes every base image the course needs available on the Docker engine: already present,
// built as a local stand-in (offline machines), or pulled. Run after `npm install`.
import { loadCourse } from '../dist/content/loadCourse.js';
import { connectEngine } from '../dist/runtime/engine.js';
import { prepareCourseImages } from '../dist/runtime/courseImages.js';

const docker = await connectEngine();
const sources = await prepareCourseImages(docker, loadCourse(), (line) => console.log(`  ${line}`));
for (const [image, source] of sources) console.log(`${image}: ${source}`);
