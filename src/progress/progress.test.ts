import { describe, expect, it } from 'vitest';
import { challengeStatus, emptyProgress, quizScore, recordCheck, recordHintShown, recordQuizAnswer, recordReset, recordSolutionShownEarly } from './progress.js';

const now = '2026-01-02T03:04:05.000Z';
const later = '2026-01-03T00:00:00.000Z';
const pass = { passed: true, passing: 3, total: 3, staticOnly: false, complete: true };
const fail = { passed: false, passing: 1, total: 3, staticOnly: false, complete: true };

describe('progress arithmetic', () => {
  it('counts every check as an attempt and keeps the first pass', () => {
    let p = recordCheck(emptyProgress(), 'c', fail, now);
    expect(challengeStatus(p.challenges.c)).toBe('in-progress');
    p = recordCheck(p, 'c', pass, now);
    p = recordCheck(p, 'c', fail, later);
    expect(p.challenges.c?.attempts).toBe(3);
    expect(p.challenges.c?.passedAt).toBe(now);
    expect(challengeStatus(p.challenges.c)).toBe('passed');
    expect(p.challenges.c?.lastResult).toEqual({ passed: false, passing: 1, total: 3, staticOnly: false });
  });

  it('does not call a static-only pass of a challenge with runtime checks a pass', () => {
    const p = recordCheck(emptyProgress(), 'c', { ...pass, staticOnly: true, complete: false }, now);
    expect(challengeStatus(p.challenges.c)).toBe('in-progress');
  });

  it('treats an unknown challenge as not started', () => {
    expect(challengeStatus(emptyProgress().challenges.x)).toBe('not-started');
  });

  it('only moves hints forward', () => {
    const p = recordHintShown(recordHintShown(emptyProgress(), 'c', 2), 'c', 1);
    expect(p.challenges.c?.hintsShown).toBe(2);
  });

  it('records an early look at the solution only before passing', () => {
    const passed = recordCheck(emptyProgress(), 'c', pass, now);
    expect(recordSolutionShownEarly(passed, 'c', later).challenges.c?.solutionShownEarlyAt).toBeUndefined();
    expect(recordSolutionShownEarly(emptyProgress(), 'c', later).challenges.c?.solutionShownEarlyAt).toBe(later);
  });

  it('keeps a pass across a reset', () => {
    const p = recordReset(recordCheck(emptyProgress(), 'c', pass, now), 'c', later);
    expect(challengeStatus(p.challenges.c)).toBe('passed');
    expect(p.challenges.c?.resetAt).toBe(later);
  });

  it('scores the first answer to each question, against the questions there are today', () => {
    let p = recordQuizAnswer(emptyProgress(), 'l', 'Q1', false, now);
    p = recordQuizAnswer(p, 'l', 'Q1', true, later);
    p = recordQuizAnswer(p, 'l', 'Q2', true, now);
    p = recordQuizAnswer(p, 'l', 'gone', true, now);
    expect(quizScore(p.lessons.l, [{ question: 'Q1' }, { question: 'Q2' }, { question: 'Q3' }])).toEqual({ questions: 3, answered: 2, correct: 1 });
    expect(p.lessons.l?.openedAt).toBe(now);
  });

  it('never changes the progress it was given', () => {
    const p = emptyProgress();
    recordCheck(p, 'c', pass, now);
    expect(p).toEqual(emptyProgress());
  });
});
