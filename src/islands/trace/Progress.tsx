/** The tracer's state in words and a progress bar, announced politely to screen readers. */
import type { TraceStrings } from '../../i18n/trace/index';
import type { TraceState } from '../../stores/traceRun';
import { escapeText } from '../../text/inert';
import { fill } from '../fill';
import { count } from '../numbers';

interface Props {
  readonly state: TraceState;
  /** Outcomes of exact mode; null when it was not computed. */
  readonly outcomes: number | null;
  readonly strings: TraceStrings['progress'];
  readonly locale: string;
}

/** "12 s" or "3 min 4 s". */
function duration(ms: number, s: TraceStrings['progress'], locale: string): string {
  const total = Math.max(1, Math.round(ms / 1000));
  if (total < 60) return fill(s.seconds, { n: count(locale, total) });
  return fill(s.minutes, { m: count(locale, Math.floor(total / 60)), s: total % 60 });
}

function message(state: TraceState, outcomes: number | null, s: TraceStrings['progress'], locale: string): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'running': {
      const p = state.progress;
      if (!p) return s.starting;
      if (p.phase === 'parse') return fill(s.parse, { lines: count(locale, state.lines) });
      if (p.phase === 'exact') return fill(s.exact, { done: count(locale, p.done) });
      if (p.phase === 'sample') return s.sample;
      if (p.etaMs !== undefined && p.rate !== undefined) {
        return fill(s.runEta, {
          done: count(locale, p.done),
          total: count(locale, p.total),
          rate: count(locale, Math.round(p.rate)),
          eta: duration(p.etaMs, s, locale),
        });
      }
      return fill(s.run, { done: count(locale, p.done), total: count(locale, p.total) });
    }
    case 'done':
      if (outcomes === null) return fill(s.doneNoExact, { ms: count(locale, Math.round(state.ms)) });
      return fill(state.reused ? s.doneReused : s.done, {
        ms: count(locale, Math.round(state.ms)),
        outcomes: count(locale, outcomes),
      });
    case 'failed':
      return fill(s.failed, { message: escapeText(state.message, 300) });
    case 'cancelled':
      return s.cancelled;
    case 'stalled':
      return fill(s.stalled, { seconds: state.seconds });
  }
}

export function Progress({ state, outcomes, strings, locale }: Props) {
  const p = state.kind === 'running' ? state.progress : null;
  const determinate = p !== null && p.total > 0;
  return (
    <div class="trace-progress" data-testid="trace-progress" data-state={state.kind}>
      {state.kind === 'running' &&
        (determinate ? (
          <progress max={p.total} value={p.done} aria-label={strings.label} data-phase={p.phase} />
        ) : (
          <progress aria-label={strings.label} data-phase={p?.phase ?? 'start'} />
        ))}
      <p
        role="status"
        class={state.kind === 'failed' || state.kind === 'stalled' ? 'trace-error' : ''}
        data-testid="trace-status"
      >
        {message(state, outcomes, strings, locale)}
      </p>
    </div>
  );
}
