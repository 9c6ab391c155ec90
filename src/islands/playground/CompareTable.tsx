/**
 * The comparison: one column per datapath, rows for each pod's share, drops, the request's
 * path, the source address the pod sees and where the answer leaves from. A datapath this
 * build cannot simulate is shown as such, never with made-up numbers.
 */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { ComparisonColumn, OutcomeRow } from '../../playground/engine';
import { fill } from '../fill';
import { percent } from '../numbers';
import { arrows } from './RunPanel';

interface Props {
  readonly columns: readonly ComparisonColumn[];
  readonly pods: readonly string[];
  readonly strings: PlaygroundStrings;
  readonly locale: string;
  readonly caption: string;
}

/** Distinct values of the delivered outcomes, most common first. */
function distinct(rows: readonly OutcomeRow[], pick: (row: OutcomeRow) => string | null): string {
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.outcome === 'dropped') continue;
    const v = pick(row);
    if (v !== null) seen.set(v, (seen.get(v) ?? 0) + row.count);
  }
  return (
    [...seen.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([v]) => v)
      .join(' / ') || '—'
  );
}

export function CompareTable({ columns, pods, strings, locale, caption }: Props) {
  const c = strings.compare;
  const cell = (
    col: ComparisonColumn,
    render: (r: Extract<ComparisonColumn['report'], { available: true }>) => string,
  ) => (col.report.available ? render(col.report) : col.report.ipv4Only ? c.ipv4Only : c.unavailable);
  const rows: [string, string, (col: ComparisonColumn) => string][] = [
    ...pods.map((pod): [string, string, (col: ComparisonColumn) => string] => [
      `share-${pod}`,
      fill(c.share, { pod }),
      (col) => cell(col, (r) => percent(locale, r.total ? (r.counts[pod] ?? 0) / r.total : 0)),
    ]),
    [
      'dropped',
      c.dropped,
      (col) => cell(col, (r) => percent(locale, r.total ? (r.counts['dropped'] ?? 0) / r.total : 0)),
    ],
    ['hops', c.hops, (col) => cell(col, (r) => distinct(r.outcomes, (o) => arrows(o.hops)))],
    ['source', c.source, (col) => cell(col, (r) => distinct(r.outcomes, (o) => o.sourceSeen))],
    [
      'reply',
      c.reply,
      (col) =>
        cell(col, (r) =>
          distinct(r.outcomes, (o) =>
            o.replyHops
              ? `${o.replyHops[o.replyHops.length - 1] ?? '—'}${o.replyDelivered ? '' : ` (${strings.run.replyLost})`}`
              : null,
          ),
        ),
    ],
  ];
  return (
    <div class="pg-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="pg-table pg-compare" data-testid="pg-compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.metric}</th>
            {columns.map((col) => (
              <th key={col.id} scope="col" data-datapath={col.id} data-available={String(col.report.available)}>
                {strings.datapaths[col.id as keyof PlaygroundStrings['datapaths']] ?? col.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr key={key} data-row={key}>
              <th scope="row">{label}</th>
              {columns.map((col) => (
                <td key={col.id} data-datapath={col.id} class={col.report.available ? '' : 'pg-off'}>
                  {value(col)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
