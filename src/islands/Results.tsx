/**
 * The result of the last run: where the connections went (always), and once the reader has
 * picked an answer, the observed share against its interval and the exact one, the grade
 * and why. Before an answer there is no verdict and no explanation: commit, then reveal.
 */
import type { LabConfig } from '../engine/lab/config';
import { deepLinkQuery } from '../stores/deepLink';
import type { GradedRun } from '../stores/grade';
import { isPod, type OptionId, type Scenario } from '../stores/model';
import { explainRun, resultRows } from '../stores/results';
import { sameScenario } from '../stores/scenario';
import type { LiveStrings } from '../i18n/live/index';
import { BarChart } from './BarChart';
import { fill } from './fill';
import { count, percent, probability, type Decimals } from './numbers';
import { settingsText } from './settingsText';
import { Text } from './Text';

interface Props {
  readonly graded: GradedRun;
  readonly lesson: LabConfig;
  readonly scenario: Scenario;
  readonly strings: LiveStrings['quiz'];
  readonly controlStrings: LiveStrings['controls'];
  readonly locale: string;
}

const letter = (id: OptionId | string): string => id.toUpperCase();

/** The grade sentence for a graded run (also what the live region announces). */
export function gradeSentence(graded: GradedRun, strings: LiveStrings['quiz']): string {
  const { verdict, picked, correct, grade } = graded;
  if (verdict === 'unanswered') return strings.unanswered;
  if (verdict === 'inconclusive')
    return fill(strings.inconclusive, { supported: grade.supported.map(letter).join(', ') });
  return fill(strings[verdict], { picked: letter(picked ?? ''), correct: letter(correct ?? '') });
}

/** The verdict's mark: ✓ Right, ✗ Wrong, or ℹ Note. */
export function gradeMark(verdict: GradedRun['verdict'], strings: LiveStrings['quiz']): { icon: string; mark: string } {
  if (verdict === 'correct') return { icon: '✓', mark: strings.markCorrect };
  if (verdict === 'wrong') return { icon: '✗', mark: strings.markWrong };
  return { icon: 'ℹ', mark: strings.markInfo };
}

/** The observable's measure as a sentence. */
function measureLine(graded: GradedRun, lesson: LabConfig, strings: LiveStrings['quiz'], locale: string): string {
  const share = percent(locale, graded.share);
  const observable = lesson.spec.observable;
  switch (observable.kind) {
    case 'podShare':
      return fill(strings.share, { pod: observable.pod, share });
    case 'clientExperience':
      return fill(strings.shareServed, { share });
    case 'stickiness':
      return fill(strings.shareSticky, { share });
    case 'callerShare':
      // The calling pod served its own connection (hairpin).
      return fill(strings.share, { pod: graded.run.tallies[0]?.client ?? '', share });
    case 'sourceAddress': {
      const served = graded.run.tallies.filter(
        (t) => isPod(t.end) && (observable.pod === undefined || t.end === observable.pod),
      );
      const bySource = new Map<string, number>();
      for (const t of served) bySource.set(t.source, (bySource.get(t.source) ?? 0) + t.count);
      const top = [...bySource.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '—';
      return fill(strings.shareSource, { address: top, share });
    }
  }
}

/** The exact probability shows four decimals, as many as the measured share's percentage (49.87%). */
const EXACT_DECIMALS: Decimals = { min: 4, max: 4 };

/** The exact probability of the observable's hit for one new connection, when the rules give one. */
function exactOf(graded: GradedRun, lesson: LabConfig): number | null {
  const observable = lesson.spec.observable;
  if (observable.kind === 'podShare') return graded.run.exact[observable.pod] ?? 0;
  if (observable.kind === 'clientExperience') {
    return Object.entries(graded.run.exact).reduce((sum, [end, p]) => sum + (isPod(end) ? p : 0), 0);
  }
  return null;
}

export function Results({ graded, lesson, scenario, strings, controlStrings, locale }: Props) {
  const { run, verdict, picked } = graded;
  const answered = picked !== null;
  const rows = resultRows(run, lesson);
  const stale = !sameScenario(run.scenario, scenario);
  const failure = { refused: strings.refused, timedOut: strings.timedOut, unknown: strings.unknown } as Readonly<
    Record<string, string>
  >;
  const bars = rows.map((row) => ({
    key: row.outcome,
    label:
      row.node === null
        ? (failure[row.outcome] ?? row.outcome)
        : fill(strings.toPod, { pod: row.outcome, node: row.node }),
    value: row.count,
    tone: row.tone,
  }));
  const replay = deepLinkQuery(
    { ...(picked ? { answer: picked } : {}), settings: run.scenario, seed: run.seed, n: run.total },
    lesson.controls,
  );
  const exact = exactOf(graded, lesson);
  const why = answered ? explainRun(run, lesson) : null;
  const whyValues = why?.ends
    ? { shares: why.ends.map(([end, p]) => `${failure[end] ?? end} ${percent(locale, p)}`).join(', ') }
    : (why?.values ?? {});
  const { icon, mark } = gradeMark(verdict, strings);
  return (
    <div
      class="live-results__body"
      data-testid="results"
      data-run={`${lesson.controls.map((c) => run.scenario[c.id] ?? '').join('-')}-${run.total}-${run.seed}`}
      data-verdict={verdict}
      data-correct={graded.correct ?? ''}
      data-total={run.total}
    >
      <p class="live-results__about">
        {fill(strings.about, {
          total: count(locale, run.total),
          settings: settingsText(lesson.controls, run.scenario, controlStrings),
          seed: run.seed,
        })}
      </p>
      {stale && <p class="live-results__stale">{strings.stale}</p>}
      <BarChart bars={bars} total={run.total} title={strings.chart} locale={locale} />
      <ul class="live-stats">
        <li data-testid="observed-share">{measureLine(graded, lesson, strings, locale)}</li>
        {answered && (
          <li data-testid="interval">
            {fill(strings.interval, {
              low: percent(locale, graded.interval.low),
              high: percent(locale, graded.interval.high),
            })}
          </li>
        )}
        {answered && exact !== null && (
          <li data-testid="exact">{fill(strings.exact, { p: probability(locale, exact, EXACT_DECIMALS) })}</li>
        )}
      </ul>
      <p class={`live-grade live-grade--${verdict}`} data-testid="grade">
        {answered && (
          <span class="live-grade__mark">
            <span aria-hidden="true">{icon} </span>
            {mark}:
          </span>
        )}{' '}
        {gradeSentence(graded, strings)}
      </p>
      {graded.first && (
        <p class="live-results__second" data-testid="second-try">
          {fill(strings.secondTry, {
            first: letter(graded.first.answer),
            result: graded.first.right ? strings.firstRight : strings.firstWrong,
          })}
        </p>
      )}
      {why && (
        <>
          <h4 class="live-results__why">{strings.why}</h4>
          <p data-testid="why">
            <Text>{fill(strings[why.key], whyValues)}</Text>
          </p>
        </>
      )}
      <p class="live-results__links">
        {answered && (
          <a href="#solution" data-testid="solution-link">
            {strings.solution}
          </a>
        )}
        <a href={replay} data-testid="replay-link">
          {strings.replay}
        </a>
        <span>{fill(strings.seed, { seed: run.seed })}</span>
      </p>
    </div>
  );
}
