/**
 * The progress lines `shipshape check` (and `watch`) print while a check runs, one per event
 * worth a line: phases, notes, build steps with the learner's line, each probe as it starts.
 * Results are not repeated here; the verdict prints them. Pure.
 */
import type { CheckEvent } from '../checks/events.js';

/**
 * @example progressLine({ type: 'build-step', step: 2, total: 5, instruction: 'RUN make', line: 3 }, 'Dockerfile') // 'step 2/5 (Dockerfile:3): RUN make'
 */
export function progressLine(event: CheckEvent, dockerfile = 'Dockerfile'): string | undefined {
  switch (event.type) {
    case 'phase':
      return event.message;
    case 'note':
      return `  note: ${event.message}`;
    case 'build-step':
      return `  step ${event.step}/${event.total}${event.line === undefined ? '' : ` (${dockerfile}:${event.line})`}: ${event.instruction}`;
    case 'probe-started':
      return `  probing ${event.index + 1}/${event.total}: ${event.title}`;
    default:
      return undefined;
  }
}
