/**
 * The traced rules with the sampled packet's rules marked (✓ matched, · checked) and problem
 * lines flagged (!). Only the lines in view are in the DOM, so a 100,000-line dump scrolls as
 * easily as a short one; every line is a text node (nothing pasted is ever markup). Asking for
 * a line (from a trace row, a problem or a counter) scrolls to it and focuses the view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { TraceStrings } from '../../i18n/trace/index';
import { $dumpFocus } from '../../stores/traceView';
import { lineStarts } from '../../workers/trace/inspect';
import { displayLine } from './display';
import { fill } from '../fill';
import { count } from '../numbers';

interface Props {
  readonly text: string;
  /** Where each line starts, when the worker already found them (else found here, without splitting). */
  readonly starts?: Uint32Array | null;
  readonly marks: ReadonlyMap<number, 'matched' | 'checked'>;
  readonly problems: ReadonlySet<number>;
  readonly strings: TraceStrings['dump'];
  readonly locale: string;
}

/** Height of one line in CSS pixels (the stylesheet uses the same). */
export const LINE_PX = 20;
/** Lines rendered above and below the visible ones. */
const OVERSCAN = 40;
/** Height of the view when nothing has been measured yet. */
const VIEW_PX = 400;

/** Line `i` of `text` (0-based) without its line break. */
function lineAt(text: string, starts: Uint32Array, i: number): string {
  const from = starts[i] as number;
  const to = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
  // Only the head of a huge line is shown; never copy all of it.
  return text.slice(from, Math.min(to, from + 4096)).replace(/\r?\n$|\r$/, '');
}

export function DumpView({ text, starts, marks, problems, strings, locale }: Props) {
  // Line starts, not split lines: a 1,000,000-line dump allocates one array, not a million strings.
  const index = useMemo(() => starts ?? lineStarts(text), [text, starts]);
  const lines = { length: index.length };
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [target, setTarget] = useState(0);
  const focus = useStore($dumpFocus);
  const frame = useRef(0);

  useEffect(() => {
    if (!focus || !box.current) return;
    const el = box.current;
    el.scrollTop = Math.max(0, (focus.line - 1) * LINE_PX - (el.clientHeight || VIEW_PX) / 3);
    setTop(el.scrollTop);
    setTarget(focus.line);
    // Bring the view itself on screen too: the link may be far above it.
    el.scrollIntoView({ block: 'nearest' });
    el.focus({ preventScroll: true });
  }, [focus]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (box.current) setTop(box.current.scrollTop);
    });
  };

  const height = box.current?.clientHeight || VIEW_PX;
  const first = Math.max(0, Math.floor(top / LINE_PX) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((top + height) / LINE_PX) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const n = i + 1;
    const mark = marks.get(n);
    const bad = problems.has(n);
    const raw = lineAt(text, index, i);
    const full = (i + 1 < index.length ? (index[i + 1] as number) : text.length) - (index[i] as number);
    const { text: shown, cut: cutHead } = displayLine(raw);
    const cut = cutHead + Math.max(0, full - raw.length - 1);
    const classes = [
      'trace-dump__row',
      mark ? `is-${mark}` : '',
      bad ? 'is-problem' : '',
      n === target ? 'is-target' : '',
    ]
      .filter(Boolean)
      .join(' ');
    rows.push(
      <div key={n} class={classes} data-line={n} data-mark={mark ?? (bad ? 'problem' : undefined)}>
        <span class="trace-dump__no" aria-hidden="true">
          {n}
        </span>
        <span class="trace-dump__mark" aria-hidden="true">
          {bad ? '!' : mark === 'matched' ? '✓' : mark === 'checked' ? '·' : ''}
        </span>
        <span class="sr-only">
          {n} {mark ? `(${strings[mark]})` : ''} {bad ? `(${strings.problem})` : ''}
        </span>
        <code class="trace-dump__code">
          {shown}
          {cut > 0 && <span class="trace-dump__cut">{fill(strings.longLine, { n: count(locale, cut) })}</span>}
        </code>
      </div>,
    );
  }

  return (
    <section class="trace-section" aria-labelledby="trace-dump-heading">
      <h3 id="trace-dump-heading">{strings.heading}</h3>
      <p>{strings.lead}</p>
      <div
        ref={box}
        class="trace-dump"
        tabIndex={0}
        role="region"
        aria-label={fill(strings.label, { lines: count(locale, lines.length) })}
        onScroll={onScroll}
        data-testid="trace-dump"
        data-lines={lines.length}
      >
        {/* Sized through the CSSOM (allowed by the CSP, unlike style attributes in markup). */}
        <div class="trace-dump__space" style={{ height: `${lines.length * LINE_PX}px` }}>
          <div class="trace-dump__rows" style={{ transform: `translateY(${first * LINE_PX}px)` }}>
            {rows}
          </div>
        </div>
      </div>
    </section>
  );
}
