/**
 * The interactive course. Routes (a stack: esc goes back), the learner's progress (read once,
 * then updated through the store on every answer, hint and check), and the screens, one file
 * each under screens/. Everything outside the process comes in through `ports`, so tests run
 * every screen with fakes. Quitting (q, or Ctrl-C, which raw mode delivers as a key) first
 * cancels running checks and waits for their containers to be removed.
 */
import { Text, useApp, useInput, useStdin } from 'ink';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { Course } from '../content/loadCourse.js';
import { lessonForItem } from '../content/course.js';
import { courseOutline, outlineEntries, type OutlineEntry } from '../progress/courseOutline.js';
import { nextStep } from '../progress/nextStep.js';
import { recordCheck, recordHintShown, recordLessonOpened, recordQuizAnswer, recordReset, recordSkip, recordSolutionShownEarly, type Progress } from '../progress/progress.js';
import { verdictSummary } from '../watch/checkRunner.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { commandFor, type Scope } from './keys/keyTable.js';
import type { CoursePorts } from './ports.js';
import { ChallengeView } from './screens/ChallengeView.js';
import { CourseMap, initialMapState, type MapState } from './screens/CourseMap.js';
import { HelpScreen } from './screens/HelpScreen.js';
import { LessonReader } from './screens/LessonReader.js';
import { QuizScreen } from './screens/QuizScreen.js';
import { currentRoute, initialRoutes, routesReducer, type Route } from './state/routes.js';

export interface AppProps {
  course: Course;
  ports: CoursePorts;
  color: boolean;
}

const routeOf = (entry: OutlineEntry): Route => ({ screen: entry.kind, id: entry.id });

export function App({ course, ports, color }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const inputActive = isRawModeSupported === true;
  const size = useTerminalSize();
  const sections = useMemo(() => courseOutline(course), [course]);
  const entries = useMemo(() => outlineEntries(sections), [sections]);
  const [progress, setProgress] = useState<Progress>(() => {
    const read = ports.progress.read();
    return read.progress;
  });
  const [status, setStatus] = useState<string | undefined>(() => ports.progress.read().problem);
  const [routes, dispatchRoute] = useReducer(routesReducer, initialRoutes);
  const [mapState, setMapState] = useState<MapState>(initialMapState);
  const [quitting, setQuitting] = useState(false);
  const stoppers = useRef(new Set<() => Promise<void>>()).current;
  const capture = useRef(false);
  const route = currentRoute(routes);

  const update = useCallback((change: (p: Progress) => Progress) => {
    try {
      const result = ports.progress.update(change);
      setProgress(result.progress);
      if (result.problem) setStatus(result.problem);
    } catch (error) {
      // A progress file we may not write (a newer format, a locked one) must not end the lesson.
      setStatus(`Progress not saved: ${(error as Error).message}`);
    }
  }, [ports]);

  const say = useCallback((message: string) => setStatus(message), []);
  const open = useCallback((next: Route) => {
    setStatus(undefined);
    if (next.screen === 'lesson') update((p) => recordLessonOpened(p, next.id, ports.now()));
    dispatchRoute({ type: 'push', route: next });
  }, [update, ports]);

  const currentId = route.screen === 'map' || route.screen === 'help' ? undefined : route.id;
  const goNext = useCallback(() => {
    const target = nextStep(entries, progress, currentId);
    if (!target) return setStatus('Every lesson and challenge is done.');
    setStatus(undefined);
    if (target.kind === 'lesson') update((p) => recordLessonOpened(p, target.id, ports.now()));
    dispatchRoute({ type: 'replace', route: routeOf(target) });
  }, [entries, progress, currentId, update, ports]);

  const quit = useCallback(async () => {
    if (quitting) return;
    setQuitting(true);
    await Promise.all([...stoppers].map((stop) => stop()));
    await ports.cleanup('the course was closed');
    exit();
  }, [quitting, stoppers, ports, exit]);

  const scope: Scope = route.screen === 'map' ? (mapState.searching ? 'search' : 'map') : route.screen;
  useInput(
    (input, key) => {
      const command = commandFor(input, key, scope);
      // Ctrl-C always quits; other global keys wait while a screen takes text or a y/n answer.
      if (key.ctrl && input === 'c') return void quit();
      if (capture.current || scope === 'search') return;
      if (command === 'quit') return void quit();
      if (command === 'help' && route.screen !== 'help') return dispatchRoute({ type: 'push', route: { screen: 'help' } });
      if (command === 'back' && route.screen !== 'map') {
        setStatus(undefined);
        dispatchRoute({ type: 'back' });
      }
    },
    { isActive: inputActive },
  );

  if (quitting) return <Text>Closing: cancelling running checks and removing what they created…</Text>;
  const lessonFor = (item: string | undefined) => lessonForItem(course, item);
  const screenInput = inputActive && !quitting;
  switch (route.screen) {
    case 'map':
      return <CourseMap sections={sections} entries={entries} progress={progress} next={nextStep(entries, progress)} state={mapState} setState={setMapState} open={(entry) => open(routeOf(entry))} size={size} color={color} status={status} inputActive={screenInput} setCapture={(on) => (capture.current = on)} />;
    case 'help':
      return <HelpScreen size={size} color={color} inputActive={screenInput} />;
    case 'lesson': {
      const lesson = course.lessons.find((l) => l.id === route.id);
      if (!lesson) return <Text>No lesson {route.id}</Text>;
      const practise = course.challenges.filter((c) => c.items.some((item) => lesson.items.includes(item)));
      return <LessonReader key={lesson.id} lesson={lesson} state={progress.lessons[lesson.id]} practise={practise} size={size} color={color} status={status} inputActive={screenInput} takeQuiz={() => dispatchRoute({ type: 'push', route: { screen: 'quiz', id: lesson.id } })} next={goNext} />;
    }
    case 'quiz': {
      const lesson = course.lessons.find((l) => l.id === route.id);
      if (!lesson) return <Text>No lesson {route.id}</Text>;
      return <QuizScreen key={lesson.id} lesson={lesson} size={size} color={color} status={status} inputActive={screenInput} onAnswer={(question, correct) => update((p) => recordQuizAnswer(p, lesson.id, question, correct, ports.now()))} next={goNext} />;
    }
    case 'challenge': {
      const challenge = course.challenges.find((c) => c.id === route.id);
      if (!challenge) return <Text>No challenge {route.id}</Text>;
      return (
        <ChallengeView
          key={challenge.id}
          challenge={challenge}
          state={progress.challenges[challenge.id]}
          ports={ports}
          stoppers={stoppers}
          lessonFor={lessonFor}
          size={size}
          color={color}
          status={status}
          inputActive={screenInput}
          setCapture={(on) => (capture.current = on)}
          onVerdict={(verdict, staticOnly) => {
            if (verdict.cancelled) return;
            update((p) => recordCheck(p, challenge.id, verdictSummary(challenge, verdict, staticOnly), ports.now()));
          }}
          onHint={(shown) => update((p) => recordHintShown(p, challenge.id, shown))}
          onSolutionEarly={() => update((p) => recordSolutionShownEarly(p, challenge.id, ports.now()))}
          onReset={() => update((p) => recordReset(p, challenge.id, ports.now()))}
          onSkip={() => {
            update((p) => recordSkip(p, challenge.id, ports.now()));
            goNext();
          }}
          openLesson={(id) => open({ screen: 'lesson', id })}
          next={goNext}
          say={say}
        />
      );
    }
  }
}
