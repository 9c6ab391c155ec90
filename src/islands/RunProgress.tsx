/**
 * The run's progress: a progress bar while connections are sent, otherwise the outcome of
 * a cancelled or failed run. The row keeps its height either way, so nothing below moves.
 */
import type { RunState } from '../stores/run';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { count } from './numbers';

interface Props {
  readonly state: RunState;
  readonly strings: LiveStrings['quiz'];
  readonly locale: string;
}

export function RunProgress({ state, strings, locale }: Props) {
  if (state.status === 'loading') return <p class="live-progress">{strings.loading}</p>;
  if (state.status === 'running') {
    const text = fill(strings.progressText, { done: count(locale, state.done), total: count(locale, state.total) });
    return (
      <div class="live-progress">
        <div
          class="live-progress__bar"
          role="progressbar"
          aria-label={strings.progress}
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          aria-valuetext={text}
        >
          <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
            <rect class="live-progress__track" x="0" y="0" width="100" height="6" />
            <rect class="live-progress__fill" x="0" y="0" width={(state.done / state.total) * 100} height="6" />
          </svg>
        </div>
        <span class="live-progress__text">{text}</span>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <p class="live-progress">
        {fill(strings.cancelled, { done: count(locale, state.done), total: count(locale, state.total) })}
      </p>
    );
  }
  if (state.status === 'failed')
    return <p class="live-progress live-progress--failed">{fill(strings.failed, { message: state.message })}</p>;
  return <p class="live-progress" />;
}
