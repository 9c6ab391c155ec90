/** The graded result of the last run: chart, observed share against the exact one, grade, why. */
import { deepLinkQuery } from '../stores/deepLink.ts';
import type { GradedRun } from '../stores/grade.ts';
import { DROPPED, TARGET_POD, type OptionId, type Scenario } from '../stores/model.ts';
import { explainRun, resultRows } from '../stores/results.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { BarChart } from './BarChart.tsx';
import { fill } from './fill.ts';
import { count, percent, probability } from './numbers.ts';
import { Text } from './Text.tsx';

interface Props {
  readonly graded: GradedRun;
  readonly scenario: Scenario;
  readonly podNodes: Readonly<Record<string, string>>;
  readonly strings: LiveStrings['quiz'];
  readonly locale: string;
}

const letter = (id: OptionId | string): string => id.toUpperCase();

/** The grade sentence for a graded run (also what the live region announces). */
export function gradeSentence(graded: GradedRun, strings: LiveStrings['quiz']): string {
  const { verdict, picked, correct, grade } = graded;
  if (verdict === 'inconclusive') return fill(strings.inconclusive, { supported: grade.supported.map(letter).join(', ') });
  const values = { picked: letter(picked ?? ''), correct: letter(correct ?? '') };
  return fill(strings[verdict], values);
}

export function Results({ graded, scenario, podNodes, strings, locale }: Props) {
  const { run, verdict } = graded;
  const rows = resultRows(run, podNodes);
  const why = explainRun(run);
  const stale = run.scenario.policy !== scenario.policy || run.scenario.node !== scenario.node;
  const mark = verdict === 'correct' ? strings.markCorrect : verdict === 'wrong' ? strings.markWrong : strings.markInfo;
  const icon = verdict === 'correct' ? '✓' : verdict === 'wrong' ? '✗' : 'ℹ';
  const bars = rows.map((row) => ({
    key: row.outcome,
    label: row.outcome === DROPPED ? strings.dropped : fill(strings.toPod, { pod: row.outcome, node: row.node ?? '?' }),
    value: row.count,
    tone: row.tone,
  }));
  const replay = deepLinkQuery({
    ...(graded.picked ? { answer: graded.picked } : {}),
    policy: run.scenario.policy,
    node: run.scenario.node,
    seed: run.seed,
    n: run.total,
  });
  return (
    <div
      class="live-results__body"
      data-testid="results"
      data-run={`${run.scenario.policy}-${run.scenario.node}-${run.total}-${run.seed}`}
      data-verdict={verdict}
      data-correct={graded.correct ?? ''}
      data-total={run.total}
    >
      <p class="live-results__about">
        {fill(strings.about, {
          total: count(locale, run.total),
          node: run.scenario.node,
          policy: run.scenario.policy,
          seed: run.seed,
        })}
      </p>
      {stale && <p class="live-results__stale">{strings.stale}</p>}
      <BarChart bars={bars} total={run.total} title={strings.chart} locale={locale} />
      <ul class="live-stats">
        <li data-testid="observed-share">{fill(strings.share, { share: percent(locale, graded.share) })}</li>
        <li data-testid="interval">
          {fill(strings.interval, { low: percent(locale, graded.interval.low), high: percent(locale, graded.interval.high) })}
        </li>
        <li data-testid="exact">{fill(strings.exact, { p: probability(locale, run.exact[TARGET_POD] ?? 0) })}</li>
      </ul>
      <p class={`live-grade live-grade--${verdict}`} data-testid="grade">
        <span class="live-grade__mark">
          <span aria-hidden="true">{icon} </span>
          {mark}:
        </span>{' '}
        {gradeSentence(graded, strings)}
      </p>
      <h4 class="live-results__why">{strings.why}</h4>
      <p data-testid="why">
        <Text>{fill(strings[why.key], why.values)}</Text>
      </p>
      <p class="live-results__links">
        <a href="#solution" data-testid="solution-link">
          {strings.solution}
        </a>
        <a href={replay} data-testid="replay-link">
          {strings.replay}
        </a>
        <span>{fill(strings.seed, { seed: run.seed })}</span>
      </p>
    </div>
  );
}
