/**
 * What the challenge view shows about checking: the run in progress (build steps as a bar,
 * then probe by probe), the last verdict, and the attack replays' before and after (the last
 * failing run's evidence beside the passing one's). A reducer over the watch loop's events,
 * tested without rendering.
 */
import type { CheckResult } from '../../checks/types.js';
import type { RunnerVerdict } from '../../watch/checkRunner.js';
import type { WatchEvent } from '../../watch/watchLoop.js';

export interface ProbeRow {
  id: string;
  title: string;
  result?: CheckResult;
}

export interface CheckViewState {
  status: 'idle' | 'running' | 'done' | 'error';
  run: number;
  /** The running check is the static half only. */
  staticOnly: boolean;
  build?: { step: number; total: number; instruction: string };
  phase?: string;
  notes: string[];
  staticResults: CheckResult[];
  probes: ProbeRow[];
  verdict?: RunnerVerdict;
  error?: string;
  runtimeScheduledMs?: number;
  watching: boolean;
  /** Attack replay evidence of the last run where it failed, by probe id: the "before". */
  attacksBefore: Record<string, string>;
  /** The check that is shown as current proved the whole challenge (not static-only). */
  complete: boolean;
}

export type CheckViewAction = { type: 'watch-event'; event: WatchEvent; hasRuntime: boolean } | { type: 'watching'; on: boolean } | { type: 'clear' };

export const initialCheckView: CheckViewState = { status: 'idle', run: 0, staticOnly: true, notes: [], staticResults: [], probes: [], watching: false, attacksBefore: {}, complete: false };

export const isAttack = (id: string) => id.startsWith('attack-');

export function checkViewReducer(state: CheckViewState, action: CheckViewAction): CheckViewState {
  if (action.type === 'watching') return { ...state, watching: action.on };
  if (action.type === 'clear') return { ...initialCheckView, watching: state.watching, attacksBefore: state.attacksBefore };
  const event = action.event;
  switch (event.type) {
    case 'check-started':
      return { ...state, status: 'running', run: event.run, staticOnly: event.staticOnly, build: undefined, phase: undefined, notes: [], staticResults: event.staticOnly ? [] : state.staticResults, probes: [], error: undefined, runtimeScheduledMs: undefined };
    case 'runtime-scheduled':
      return { ...state, runtimeScheduledMs: event.inMs };
    case 'check-failed':
      return { ...state, status: 'error', error: event.message };
    case 'check-finished': {
      const { verdict } = event;
      const attacksBefore = { ...state.attacksBefore };
      for (const check of verdict.checks) if (isAttack(check.id) && !check.passed) attacksBefore[check.id] = check.evidence;
      return {
        ...state,
        // The static half of a run whose runtime half follows stays "running" in spirit; show its verdict anyway.
        status: 'done',
        verdict,
        staticResults: verdict.checks.filter((c) => c.kind === 'static'),
        probes: verdict.checks.filter((c) => c.kind === 'runtime').map((c) => ({ id: c.id, title: c.title, result: c })),
        attacksBefore,
        complete: event.final && (!event.staticOnly || !action.hasRuntime),
      };
    }
    case 'check-event': {
      if (event.run !== state.run) return state;
      const e = event.event;
      switch (e.type) {
        case 'static-result':
          return { ...state, staticResults: [...state.staticResults.filter((r) => r.id !== e.result.id), e.result] };
        case 'note':
          return { ...state, notes: [...state.notes, e.message].slice(-3) };
        case 'build-step':
          return { ...state, phase: 'building', build: { step: e.step, total: e.total, instruction: e.instruction } };
        case 'phase':
          return { ...state, phase: e.message };
        case 'probe-started':
          return { ...state, probes: [...state.probes.filter((p) => p.id !== e.id), { id: e.id, title: e.title }] };
        case 'probe-result':
          return { ...state, probes: [...state.probes.filter((p) => p.id !== e.result.id), { id: e.result.id, title: e.result.title, result: e.result }] };
        case 'verdict':
          return state; // The loop's check-finished carries it, with whether it is the one to record.
      }
    }
  }
  return state;
}
