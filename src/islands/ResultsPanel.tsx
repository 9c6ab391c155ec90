/**
 * The result panel, loaded with the first run: grades the last run against the lesson's
 * options, shows it, and announces a freshly finished run (and opens the solution once the
 * reader has answered). Everything that grades lives here, out of the page's eager code.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { $graded } from '../stores/grade';
import { $lesson } from '../stores/lesson';
import type { RunSummary, Scenario } from '../stores/model';
import type { LiveStrings } from '../i18n/live/index';
import { gradeMark, gradeSentence, Results } from './Results';

interface Props {
  readonly scenario: Scenario;
  readonly strings: LiveStrings['quiz'];
  readonly controlStrings: LiveStrings['controls'];
  readonly locale: string;
  /** The run that just finished, to announce; null for one restored from storage. */
  readonly fresh: RunSummary | null;
  readonly announce: (text: string) => void;
}

/** Opens the lesson's solution once the reader has answered and seen the evidence. */
function revealSolution(): void {
  const solution = document.getElementById('solution');
  if (solution instanceof HTMLDetailsElement) solution.open = true;
}

export function ResultsPanel({ scenario, strings, controlStrings, locale, fresh, announce }: Props) {
  // Mounted on the client only (after a run), so no server value to match.
  const graded = useStore($graded);
  const lesson = useStore($lesson);
  // The pick this panel mounted with: a pick made afterwards is news, a restored one is not.
  const mountedPick = useRef(graded?.picked ?? null);
  useEffect(() => {
    const now = $graded.get();
    if (!now) return;
    const picked = now.picked !== mountedPick.current;
    if (now.run !== fresh && !picked) return;
    mountedPick.current = now.picked;
    announce(gradeSentence(now, strings));
    if (now.picked && now.verdict !== 'inconclusive') revealSolution();
  }, [fresh, graded?.picked, graded?.run]);
  if (!graded || !lesson) return <p class="live-results__empty">{strings.loadingResult}</p>;
  return (
    <Results
      graded={graded}
      lesson={lesson}
      scenario={scenario}
      strings={strings}
      controlStrings={controlStrings}
      locale={locale}
    />
  );
}

/**
 * The verdict in one line, shown under the answers: a reader landing from a link with an
 * answer sees question, answer and verdict together, and the line leads down to the run.
 */
export function VerdictSummary({ strings }: { readonly strings: LiveStrings['quiz'] }) {
  const graded = useStore($graded);
  if (!graded || graded.verdict === 'unanswered') return null;
  const { icon, mark } = gradeMark(graded.verdict, strings);
  return (
    <p
      class={`live-grade live-grade--${graded.verdict} live-verdict`}
      data-testid="verdict-summary"
      data-verdict={graded.verdict}
    >
      <span class="live-grade__mark">
        <span aria-hidden="true">{icon} </span>
        {mark}:
      </span>{' '}
      {gradeSentence(graded, strings)} <a href="#live-results-heading">{strings.seeRun}</a>
    </p>
  );
}

/**
 * Scrolls a finished run's results into view when they start below the fold (on a phone the
 * Run button sits at the bottom of the screen, so the result would land out of sight);
 * instantly for readers who ask for reduced motion.
 */
export function revealResults(section: HTMLElement | null): void {
  if (!section || section.getBoundingClientRect().top < window.innerHeight * (2 / 3)) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  section.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
}
