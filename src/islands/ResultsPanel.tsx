/**
 * The result panel, loaded with the first run: grades the last run against the lesson's
 * options, shows it, and announces a freshly finished run (and opens the solution once the
 * reader has answered). Everything that grades lives here, out of the page's eager code.
 */
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $graded } from '../stores/grade.ts';
import type { RunSummary, Scenario } from '../stores/model.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { gradeSentence, Results } from './Results.tsx';

interface Props {
  readonly scenario: Scenario;
  readonly podNodes: Readonly<Record<string, string>>;
  readonly strings: LiveStrings['quiz'];
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

export function ResultsPanel({ scenario, podNodes, strings, locale, fresh, announce }: Props) {
  // Mounted on the client only (after a run), so no server value to match.
  const graded = useStore($graded);
  useEffect(() => {
    const now = $graded.get();
    if (!fresh || !now || now.run !== fresh) return;
    announce(gradeSentence(now, strings));
    if (now.picked) revealSolution();
  }, [fresh, graded]);
  if (!graded) return <p class="live-results__empty">{strings.loadingResult}</p>;
  return <Results graded={graded} scenario={scenario} podNodes={podNodes} strings={strings} locale={locale} />;
}
