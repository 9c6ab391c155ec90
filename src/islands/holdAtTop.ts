/** Keeps a link's landing steady: the quiz stays at the top of the screen while the link's result comes in. */
import { $answer } from '../stores/answer';

/**
 * Lands a link on the quiz and keeps it at the top of the screen while the link's result comes
 * in: the verdict and the results appear below the question, and Chrome's scroll anchoring can
 * answer that by keeping a node further down in place, which pushes the question off the top.
 * Each time the quiz changes size it is put back, before the browser paints, until the result
 * is drawn or the reader scrolls by hand (wheel, touch or keys).
 */
export function holdAtTop(quiz: HTMLElement, run: Promise<unknown>): void {
  const manual = ['wheel', 'touchmove', 'keydown'] as const;
  let ran = false;
  const place = () => quiz.scrollIntoView({ block: 'start', behavior: 'instant' });
  // Drawn: the results, and the verdict too when an answer was picked.
  const drawn = () =>
    quiz.querySelector('.live-results__body') !== null &&
    ($answer.get() === null || quiz.querySelector('.live-verdict') !== null);
  const observer = new ResizeObserver(() => {
    place();
    if (ran && drawn()) release();
  });
  const release = () => {
    observer.disconnect();
    for (const name of manual) window.removeEventListener(name, release);
  };
  for (const name of manual) window.addEventListener(name, release, { passive: true });
  observer.observe(quiz);
  void run
    .catch(() => null)
    .then(() => {
      ran = true;
      // A run that drew nothing new (it failed, or was refused) leaves nothing to wait for.
      window.setTimeout(release, 2000);
    });
}
