/**
 * The reader's progress over all challenges, above the challenge list: how many are answered,
 * a note that it lives in this browser only, and a reset that asks before it forgets.
 * Renders nothing on the server (there is nothing to know there).
 */
import { useStore } from '@nanostores/preact';
import { useRef, useState } from 'preact/hooks';
import { emptyProgress } from '../../stores/progress/data';
import { $progress, resetProgress } from '../../stores/progress/progress';
import { fill } from '../fill';

/** The words; {answered} and {total} are filled here. */
export interface ProgressBoardStrings {
  readonly heading: string;
  readonly private: string;
  readonly summary: string;
  readonly reset: string;
  readonly confirm: string;
  readonly yes: string;
  readonly cancel: string;
  readonly done: string;
}

interface Props {
  /** The slugs of the challenges listed on this page. */
  readonly slugs: readonly string[];
  readonly strings: ProgressBoardStrings;
}

export default function ProgressBoard({ slugs, strings }: Props) {
  const progress = useStore($progress, { ssr: () => emptyProgress });
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const resetButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const anything = Object.keys(progress.challenges).length > 0;
  // Nothing recorded yet: nothing to show (and nothing to reset).
  if (!anything && !confirming && message === '') return <section class="progress" hidden />;

  const answered = slugs.filter((slug) => progress.challenges[slug]?.first).length;
  const ask = () => {
    setConfirming(true);
    setMessage('');
    queueMicrotask(() => yesButton.current?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    queueMicrotask(() => resetButton.current?.focus());
  };
  const reset = () => {
    resetProgress();
    setConfirming(false);
    setMessage(strings.done);
  };

  return (
    <section class="progress" aria-labelledby="progress-heading" data-testid="progress-board">
      <h2 id="progress-heading">{strings.heading}</h2>
      <p class="progress__summary" data-testid="progress-summary">
        {fill(strings.summary, { answered, total: slugs.length })}
      </p>
      <p class="progress__private">{strings.private}</p>
      {confirming ? (
        <div class="progress__confirm" role="group" aria-labelledby="progress-confirm">
          <p id="progress-confirm">{strings.confirm}</p>
          <button type="button" class="progress__danger" ref={yesButton} data-testid="reset-yes" onClick={reset}>
            {strings.yes}
          </button>{' '}
          <button type="button" data-testid="reset-cancel" onClick={cancel}>
            {strings.cancel}
          </button>
        </div>
      ) : (
        anything && (
          <button type="button" ref={resetButton} data-testid="reset-progress" onClick={ask}>
            {strings.reset}
          </button>
        )
      )}
      <p class="progress__message" role="status">
        {message}
      </p>
    </section>
  );
}
