/** Where the run's connections landed (the lesson's bar chart) and how each kind got there. */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { OutcomeRow, RunReport } from '../../playground/engine';
import { DROPPED, type PlaygroundScenario } from '../../playground/scenario';
import type { EngineValue } from '../../stores/playgroundEngine';
import { BarChart } from '../BarChart';
import { fill } from '../fill';
import { count, percent } from '../numbers';
import { reasonText, Saying } from '../engineText';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly run: EngineValue<{ readonly scenario: PlaygroundScenario; readonly report: RunReport }>;
  /** False while the run shown belongs to the scenario before the last edit. */
  readonly fresh: boolean;
  readonly strings: PlaygroundStrings;
  readonly locale: string;
}

/** "node-2 → node-1" */
export const arrows = (hops: readonly string[] | null): string => (hops && hops.length > 0 ? hops.join(' → ') : '—');

function podNodeOf(s: PlaygroundScenario, pod: string): string {
  const i = Number(pod.slice(4)) - 1;
  const p = s.pods[i];
  return p ? `node-${p.node + 1}` : '?';
}

function OutcomeTable({
  rows,
  total,
  strings,
  locale,
}: {
  rows: readonly OutcomeRow[];
  total: number;
  strings: PlaygroundStrings;
  locale: string;
}) {
  const r = strings.run;
  return (
    <div class="pg-scroll" tabIndex={0} role="region" aria-labelledby="pg-outcomes-caption">
      <table class="pg-table" data-testid="pg-outcomes">
        <caption id="pg-outcomes-caption">{r.outcomes}</caption>
        <thead>
          <tr>
            <th scope="col">{r.count}</th>
            <th scope="col">{r.chart}</th>
            <th scope="col">{r.path}</th>
            <th scope="col">{r.source}</th>
            <th scope="col">{r.reply}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-outcome={row.outcome}>
              <td>
                {count(locale, row.count)} ({percent(locale, total ? row.count / total : 0)})
              </td>
              <td>
                {row.outcome === DROPPED ? (
                  <>
                    {r.dropped}
                    {row.reason ? (
                      <>
                        : <Saying said={reasonText(strings.trace.reasons, row.reason)} />
                      </>
                    ) : null}
                  </>
                ) : (
                  fill(r.toPod, { pod: row.outcome, node: row.node ?? '?' })
                )}
              </td>
              <td>{arrows(row.hops)}</td>
              <td>
                <code>{row.sourceSeen ?? '—'}</code>
              </td>
              <td>
                {row.replyHops
                  ? row.replyDelivered
                    ? arrows(row.replyHops)
                    : `${arrows(row.replyHops)} (${r.replyLost})`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RunPanel({ scenario: current, run, fresh, strings, locale }: Props) {
  const r = strings.run;
  // Draw the run with the scenario it was made for (pod names and nodes must match it).
  const scenario = run.state === 'ready' ? run.value.scenario : current;
  const datapath = strings.datapaths[scenario.datapath.mode];
  let body;
  if (run.state === 'loading') body = <p class="live-progress">{r.running}</p>;
  else if (run.state === 'failed')
    body = <p class="live-progress live-progress--failed">{fill(r.failed, { message: run.message })}</p>;
  else if (!run.value.report.available)
    body = (
      <p class="pg-unavailable" data-testid="pg-run-unavailable">
        {run.value.report.ipv4Only
          ? fill(r.ipv4Only, { datapath })
          : fill(r.failed, { message: run.value.report.message })}
      </p>
    );
  else {
    const report = run.value.report;
    const bars = Object.entries(report.counts).map(([key, value]) => {
      const node = key === DROPPED ? '' : podNodeOf(scenario, key);
      const local = report.outcomes.find((o) => o.outcome === key)?.hops.length === 1;
      return {
        key,
        label: key === DROPPED ? r.dropped : fill(r.toPod, { pod: key, node }),
        value,
        tone: key === DROPPED ? 'dropped' : local ? 'local' : 'forwarded',
      };
    });
    body = (
      <div
        data-testid="pg-results"
        data-total={report.total}
        data-counts={JSON.stringify(report.counts)}
        data-fresh={String(fresh)}
        class={fresh ? '' : 'pg-stale'}
      >
        <p>{fill(r.about, { total: count(locale, report.total), seed: scenario.seed, datapath })}</p>
        <BarChart bars={bars} total={report.total} title={r.chart} locale={locale} />
        <OutcomeTable rows={report.outcomes} total={report.total} strings={strings} locale={locale} />
      </div>
    );
  }
  return (
    <section class="pg-section" aria-labelledby="pg-run-heading" data-testid="pg-run">
      <h2 id="pg-run-heading">{r.heading}</h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
