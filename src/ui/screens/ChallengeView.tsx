/**
 * A challenge: the task, the files with the TODO marked, and the check run right here, once
 * (c) or on every save (w), with live progress and results; hints one at a time, the editor,
 * the solution diff after passing, reset with confirmation, skip and next.
 */
import { useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Challenge } from '../../content/schema.js';
import type { ChallengeProgress } from '../../progress/progress.js';
import type { RunnerVerdict } from '../../watch/checkRunner.js';
import { Frame, frameRows } from '../components/Frame.js';
import { StyledLines } from '../components/StyledLines.js';
import { useCheckSession } from '../hooks/useCheckSession.js';
import { commandFor } from '../keys/keyTable.js';
import { challengeLines } from '../layout/challengeLines.js';
import type { CoursePorts } from '../ports.js';
import { scrollBy } from '../state/scrolling.js';

type Confirm = 'reset' | 'solution' | undefined;

interface Props {
  challenge: Challenge;
  state: ChallengeProgress | undefined;
  ports: CoursePorts;
  stoppers: Set<() => Promise<void>>;
  lessonFor: (item: string | undefined) => { id: string; title: string } | undefined;
  size: { columns: number; rows: number };
  color: boolean;
  status?: string;
  inputActive: boolean;
  /** The view wants every key (a y/n question is open). */
  setCapture: (on: boolean) => void;
  onVerdict: (verdict: RunnerVerdict, staticOnly: boolean) => void;
  onHint: (shown: number) => void;
  onSolutionEarly: () => void;
  onReset: () => void;
  onSkip: () => void;
  openLesson: (id: string) => void;
  next: () => void;
  say: (message: string) => void;
}

export function ChallengeView(props: Props) {
  const { challenge, ports, size, color, state } = props;
  const dir = useMemo(() => ports.workspace.ensure(challenge), [ports, challenge]);
  const session = useCheckSession(challenge, dir, ports, props.stoppers, props.onVerdict);
  const [editsSeen, setEditsSeen] = useState(0);
  const files = useMemo(() => challenge.files.map((name) => ({ name, text: ports.workspace.readFile(challenge, name) })), [ports, challenge, session.filesVersion, editsSeen]);
  const passed = state?.passedAt !== undefined;
  const [showDiff, setShowDiff] = useState(false);
  const justPassed = session.state.verdict?.passed === true && session.state.complete;
  const diff = useMemo(() => (showDiff || justPassed ? ports.workspace.diff(challenge) : undefined), [showDiff, justPassed, ports, challenge, session.filesVersion]);
  const [confirm, setConfirmState] = useState<Confirm>(undefined);
  // The open question must hold from the very next key, before the screen has redrawn.
  const confirmRef = useRef<Confirm>(undefined);
  const setConfirm = (next: Confirm) => {
    confirmRef.current = next;
    props.setCapture(next !== undefined);
    setConfirmState(next);
  };
  const width = size.columns;
  const scope = confirm ? 'confirm' : 'challenge';
  const body = Math.max(3, size.rows - frameRows(scope, width));
  const layout = challengeLines({ challenge, dir, files, hintsShown: state?.hintsShown ?? 0, check: session.state, passedBefore: passed, diff, lessonFor: props.lessonFor, width });
  const [scroll, setScroll] = useState(0);
  const top = scrollBy(scroll, 0, layout.lines.length, body);

  // A check starting or ending brings the check section to the top: that is what the learner waits for.
  useEffect(() => {
    if (session.state.status !== 'idle') setScroll(layout.resultsRow);
  }, [session.state.run, session.state.status]);

  useInput(
    (input, key) => {
      const asking = confirmRef.current;
      if (asking) {
        const answer = commandFor(input, key, 'confirm');
        if (answer === 'yes' && asking === 'reset') {
          ports.workspace.reset(challenge);
          props.onReset();
          session.clear();
          setEditsSeen((v) => v + 1);
          props.say(`Reset: the broken files are back in ${dir}; yours are beside them as .bak.`);
        }
        if (answer === 'yes' && asking === 'solution') {
          props.onSolutionEarly();
          setShowDiff(true);
          setScroll(layout.lines.length);
        }
        if (answer === 'yes' || answer === 'no') setConfirm(undefined);
        return;
      }
      const move = (delta: number) => setScroll(scrollBy(top, delta, layout.lines.length, body));
      switch (commandFor(input, key, 'challenge')) {
        case 'down': return move(1);
        case 'up': return move(-1);
        case 'pageDown': return move(body - 1);
        case 'pageUp': return move(1 - body);
        case 'top': return setScroll(0);
        case 'bottom': return move(layout.lines.length);
        case 'check': return session.checkNow();
        case 'watch':
          session.toggleWatch();
          return props.say(session.state.watching ? 'Watch mode off.' : `Watching ${challenge.files.join(', ')}: save in your editor and the check runs again.`);
        case 'edit': {
          const file = `${dir}/${challenge.files[0] ?? ''}`;
          const result = ports.openEditor(file);
          setEditsSeen((v) => v + 1);
          return props.say(result.message);
        }
        case 'hint': {
          const shown = state?.hintsShown ?? 0;
          if (challenge.hints.length === 0) return props.say('This challenge has no hints; the check results say what is wrong.');
          if (shown >= challenge.hints.length) return props.say('That was the last hint.');
          props.onHint(shown + 1);
          return setScroll(layout.lines.length);
        }
        case 'diff':
          if (passed || justPassed) {
            setShowDiff(true);
            return setScroll(layout.lines.length);
          }
          return setConfirm('solution');
        case 'reset': return setConfirm('reset');
        case 'skip': return props.onSkip();
        case 'next': return props.next();
        case 'lesson': {
          const failing = session.state.verdict?.checks.find((c) => !c.passed);
          const lesson = props.lessonFor(failing?.item ?? challenge.items[0]);
          return lesson ? props.openLesson(lesson.id) : props.say('No lesson is linked to this check.');
        }
        default: return undefined;
      }
    },
    { isActive: props.inputActive },
  );

  const question = confirm === 'reset' ? `Put the broken ${challenge.files.join(', ')} back? Yours are kept as .bak. (y/n)` : confirm === 'solution' ? 'You have not passed yet. See the solution anyway? Your progress notes it. (y/n)' : undefined;
  const mark = passed ? ' · passed' : state && state.attempts > 0 ? ` · ${state.attempts} attempt${state.attempts === 1 ? '' : 's'}` : '';
  return (
    <Frame title={`Challenge · ${challenge.id}${mark}`} scope={scope} status={question ?? props.status} color={color} width={width}>
      <StyledLines lines={layout.lines.slice(top, top + body)} color={color} />
    </Frame>
  );
}
