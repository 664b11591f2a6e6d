/**
 * The course map: every section, lesson and challenge in course order with its mark, the next
 * suggested step flagged, `/` to search by title, id or checklist item, enter to open.
 */
import { Text, useInput } from 'ink';
import { useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import type { OutlineEntry, OutlineSection } from '../../progress/courseOutline.js';
import type { Progress } from '../../progress/progress.js';
import { progressTotals } from '../../progress/progressReport.js';
import { Frame, frameRows } from '../components/Frame.js';
import { StyledLines } from '../components/StyledLines.js';
import { commandFor } from '../keys/keyTable.js';
import { mapLines } from '../layout/mapLines.js';
import { searchEntries } from '../state/mapSearch.js';
import { clamp, windowStart } from '../state/scrolling.js';

export interface MapState {
  cursor: number;
  query: string;
  searching: boolean;
}

export const initialMapState: MapState = { cursor: 0, query: '', searching: false };

interface Props {
  sections: readonly OutlineSection[];
  entries: readonly OutlineEntry[];
  progress: Progress;
  next: OutlineEntry | undefined;
  state: MapState;
  setState: Dispatch<SetStateAction<MapState>>;
  open: (entry: OutlineEntry) => void;
  size: { columns: number; rows: number };
  color: boolean;
  status?: string;
  inputActive: boolean;
  /** Tells the app that keys are text now (a search), so q is a letter and not quit. */
  setCapture: (on: boolean) => void;
}

export function CourseMap({ sections, entries, progress, next, state, setState, open, size, color, status, inputActive, setCapture }: Props) {
  const matching = useMemo(() => searchEntries(entries, state.query), [entries, state.query]);
  const visible = useMemo(() => (state.query ? new Set(matching.map((e) => `${e.kind}:${e.id}`)) : undefined), [matching, state.query]);
  const ordered = state.query ? matching : [...entries];
  const cursor = clamp(state.cursor, 0, ordered.length - 1);
  const selected = ordered[cursor];
  const width = size.columns;
  const layout = mapLines(sections, visible, progress, selected?.id, next?.id, width);
  const scope = state.searching ? 'search' : 'map';
  const body = Math.max(3, size.rows - frameRows(scope, width) - 1);
  const selectedRow = layout.rows.find((r) => r.entry === selected)?.row ?? 0;
  const first = windowStart(selectedRow, body, layout.lines.length);
  const totals = progressTotals(entries, progress);

  // Typing an id exactly selects that step, so `/pin-base-image` then enter opens it.
  const withQuery = (s: MapState, query: string): MapState => ({ ...s, query, cursor: Math.max(0, searchEntries(entries, query).findIndex((e) => e.id === query.trim())) });

  // Whether keys are search text must change at once, not at the next render: the learner
  // types "/pin" faster than the screen redraws.
  const searching = useRef(state.searching);
  const setSearching = (on: boolean) => {
    searching.current = on;
    setCapture(on);
  };

  useInput(
    (input, key) => {
      if (searching.current) {
        if (key.return || key.escape) setSearching(false);
        if (key.return || key.escape) setState((s) => ({ ...s, searching: false, query: key.escape ? '' : s.query, cursor: key.escape ? Math.max(0, entries.indexOf(selected as OutlineEntry)) : s.cursor }));
        // Functional updates: keys typed faster than a render must each land.
        else if (key.backspace || key.delete) setState((s) => withQuery(s, s.query.slice(0, -1)));
        else if (!key.ctrl && !key.meta && input && !key.upArrow && !key.downArrow) setState((s) => withQuery(s, s.query + input));
        else if (key.upArrow || key.downArrow) setState((s) => ({ ...s, cursor: clamp(s.cursor + (key.upArrow ? -1 : 1), 0, ordered.length - 1) }));
        return;
      }
      // Keys typed quickly arrive as one chunk ("jjj"): each one counts.
      if (/^[jk]{2,}$/.test(input)) {
        const delta = [...input].reduce((sum, ch) => sum + (ch === 'j' ? 1 : -1), 0);
        setState((s) => ({ ...s, cursor: clamp(s.cursor + delta, 0, ordered.length - 1) }));
        return;
      }
      const page = Math.max(1, body - 2);
      switch (commandFor(input, key, 'map')) {
        case 'up': return setState((s) => ({ ...s, cursor: clamp(s.cursor - 1, 0, ordered.length - 1) }));
        case 'down': return setState((s) => ({ ...s, cursor: clamp(s.cursor + 1, 0, ordered.length - 1) }));
        case 'pageDown': return setState((s) => ({ ...s, cursor: clamp(s.cursor + page, 0, ordered.length - 1) }));
        case 'pageUp': return setState((s) => ({ ...s, cursor: clamp(s.cursor - page, 0, ordered.length - 1) }));
        case 'top': return setState({ ...state, cursor: 0 });
        case 'bottom': return setState({ ...state, cursor: ordered.length - 1 });
        case 'search':
          setSearching(true);
          return setState((s) => ({ ...s, searching: true, query: '' }));
        case 'back': return state.query ? setState({ ...state, query: '', cursor: Math.max(0, entries.indexOf(selected as OutlineEntry)) }) : undefined;
        case 'open': return selected ? open(selected) : undefined;
        default: return undefined;
      }
    },
    { isActive: inputActive },
  );

  const header = `shipshape · ${totals.challengesPassed}/${totals.challenges} challenges passed · quiz ${totals.quizCorrect}/${totals.quizQuestions}`;
  const searchLine = state.searching || state.query ? `/${state.query}${state.searching ? '▏' : ''}  (${matching.length} match${matching.length === 1 ? '' : 'es'}${state.searching ? '; enter keeps, esc clears' : ''})` : next ? `Next: ${next.title}` : 'Every step is done.';
  return (
    <Frame title={header} scope={scope} status={status} color={color} width={width}>
      <Text wrap="truncate-end" dimColor={!state.searching}>{searchLine}</Text>
      <StyledLines lines={layout.lines.slice(first, first + body)} color={color} />
    </Frame>
  );
}
