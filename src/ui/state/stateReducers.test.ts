import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../checks/types.js';
import type { QuizQuestion } from '../../content/schema.js';
import { checkViewReducer, initialCheckView } from './checkState.js';
import { initialQuiz, quizReducer, scoreAnswer, type QuizAction } from './quizState.js';
import { initialRoutes, routesReducer } from './routes.js';
import { scrollBy, windowStart } from './scrolling.js';

const single: QuizQuestion = { kind: 'single', question: 'S?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'because' };
const multiple: QuizQuestion = { kind: 'multiple', question: 'M?', choices: ['a', 'b', 'c'], answers: [0, 2], explanation: 'both' };
const wrongLine: QuizQuestion = { kind: 'wrong-line', question: 'W?', snippet: 'FROM a\nUSER root\nCMD x\n', answer: 2, explanation: 'root' };
const order: QuizQuestion = { kind: 'order', question: 'O?', steps: ['one', 'two', 'three'], explanation: 'in order' };

const play = (questions: QuizQuestion[], actions: QuizAction[]) => actions.reduce(quizReducer(questions), initialQuiz);

describe('quiz reducer', () => {
  it('scores a single-choice answer and moves on after the feedback', () => {
    const state = play([single, single], [{ type: 'move', delta: 1 }, { type: 'enter' }]);
    expect(state.feedback).toEqual({ correct: true, given: 'b', expected: 'b' });
    const next = quizReducer([single, single])(state, { type: 'enter' });
    expect(next).toMatchObject({ index: 1, cursor: 0, results: [true] });
    expect(next.feedback).toBeUndefined();
  });

  it('wraps the cursor around the choices', () => {
    expect(play([single], [{ type: 'move', delta: -1 }]).cursor).toBe(2);
  });

  it('needs every right choice and no other in a select-all question', () => {
    const partial = play([multiple], [{ type: 'toggle' }, { type: 'enter' }]);
    expect(partial.feedback).toMatchObject({ correct: false, given: 'a', expected: 'a, c' });
    const full = play([multiple], [{ type: 'toggle' }, { type: 'move', delta: 2 }, { type: 'toggle' }, { type: 'enter' }]);
    expect(full.feedback?.correct).toBe(true);
    const toggledOff = play([multiple], [{ type: 'toggle' }, { type: 'toggle' }]);
    expect(toggledOff.picked).toEqual([]);
  });

  it('takes a line number for a which-line question', () => {
    expect(play([wrongLine], [{ type: 'move', delta: 1 }, { type: 'enter' }]).feedback).toEqual({ correct: true, given: 'line 2', expected: 'line 2' });
    expect(play([wrongLine], [{ type: 'enter' }]).feedback?.correct).toBe(false);
  });

  it('places steps one by one for an order question, with undo', () => {
    // Shown order is a fixed shuffle; answering with the expected letters must score right.
    const expected = scoreAnswer(order, []).expected.split(', ').map((l) => l.charCodeAt(0) - 97);
    const actions: QuizAction[] = [];
    const placed: number[] = [];
    for (const shownIndex of expected) {
      const remaining = [0, 1, 2].filter((i) => !placed.includes(i));
      actions.push({ type: 'move', delta: remaining.indexOf(shownIndex) }, { type: 'enter' });
      placed.push(shownIndex);
    }
    expect(play([order], actions).feedback?.correct).toBe(true);
    const undone = play([order], [{ type: 'enter' }, { type: 'undo' }]);
    expect(undone.picked).toEqual([]);
    expect(play([order], [{ type: 'enter' }, { type: 'enter' }, { type: 'enter' }]).feedback).toBeDefined();
  });

  it('ignores keys other than enter while feedback is shown', () => {
    const state = play([single], [{ type: 'enter' }]);
    expect(quizReducer([single])(state, { type: 'move', delta: 1 })).toBe(state);
  });
});

const result = (id: string, passed: boolean, kind: 'static' | 'runtime' = 'static'): CheckResult => ({ kind, id, title: id, item: undefined, passed, evidence: `${id} evidence ${passed}`, findings: [] });

describe('check view reducer', () => {
  it('follows a runtime check: build steps, probes, verdict', () => {
    let s = checkViewReducer(initialCheckView, { type: 'watch-event', hasRuntime: true, event: { type: 'check-started', run: 1, staticOnly: false } });
    s = checkViewReducer(s, { type: 'watch-event', hasRuntime: true, event: { type: 'check-event', run: 1, event: { type: 'build-step', step: 2, total: 5, instruction: 'COPY . .', line: 3 } } });
    expect(s.build).toEqual({ step: 2, total: 5, instruction: 'COPY . .' });
    s = checkViewReducer(s, { type: 'watch-event', hasRuntime: true, event: { type: 'check-event', run: 1, event: { type: 'probe-started', id: 'user-not-root', title: 'Not root', index: 0, total: 1 } } });
    expect(s.probes).toEqual([{ id: 'user-not-root', title: 'Not root' }]);
    const verdict = { challenge: 'c', passed: false, checks: [result('r', true), result('attack-x', false, 'runtime')] };
    s = checkViewReducer(s, { type: 'watch-event', hasRuntime: true, event: { type: 'check-finished', run: 1, staticOnly: false, verdict, final: true } });
    expect(s).toMatchObject({ status: 'done', complete: true, attacksBefore: { 'attack-x': 'attack-x evidence false' } });
    expect(s.probes[0]?.result?.passed).toBe(false);
  });

  it('ignores events of a run that was replaced', () => {
    const s = checkViewReducer(initialCheckView, { type: 'watch-event', hasRuntime: false, event: { type: 'check-started', run: 2, staticOnly: true } });
    const after = checkViewReducer(s, { type: 'watch-event', hasRuntime: false, event: { type: 'check-event', run: 1, event: { type: 'note', message: 'old' } } });
    expect(after).toBe(s);
  });

  it('does not count a static-only pass as complete when a runtime half exists', () => {
    const verdict = { challenge: 'c', passed: true, checks: [result('r', true)] };
    const s = checkViewReducer(initialCheckView, { type: 'watch-event', hasRuntime: true, event: { type: 'check-finished', run: 1, staticOnly: true, verdict, final: false } });
    expect(s.complete).toBe(false);
  });
});

describe('routes and scrolling', () => {
  it('goes back to where the learner came from, and never below the map', () => {
    const opened = routesReducer(initialRoutes, { type: 'push', route: { screen: 'lesson', id: 'l' } });
    expect(routesReducer(opened, { type: 'back' })).toEqual(initialRoutes);
    expect(routesReducer(initialRoutes, { type: 'back' })).toEqual(initialRoutes);
  });

  it('keeps scrolling within the text and the cursor on screen', () => {
    expect(scrollBy(0, -5, 100, 20)).toBe(0);
    expect(scrollBy(70, 50, 100, 20)).toBe(80);
    expect(scrollBy(0, 5, 10, 20)).toBe(0);
    expect(windowStart(50, 10, 100)).toBe(45);
    expect(windowStart(99, 10, 100)).toBe(90);
  });
});
