/**
 * One sample connection, rule by rule and event by event, on every node it crossed, with
 * "show another connection": shared by the lesson (TraceView binds it to the lesson's stores)
 * and the playground (bound to its own). A table on wide screens, one card per step on phones
 * (CSS shows one or the other); the rows' code loads with the engine, as there are no rows before it.
 */
import type { ComponentChildren } from 'preact';
import type { HopRow, TraceRow } from '../stores/lab/types';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { useLazy } from './useLazy';

interface Props {
  /** The sample's rows, or null while it is being traced (or when it failed). */
  readonly rows: readonly TraceRow[] | null;
  /** Which sample it is, counted from 1. */
  readonly n: number;
  /** The one-line summary above the table, and its outcome (data-outcome). */
  readonly summary: ComponentChildren;
  readonly outcome: string;
  readonly onAnother: () => void;
  readonly strings: LiveStrings['trace'];
  readonly path: LiveStrings['path'];
  /** Says what happened at a hop, where the rows have hops (the playground). */
  readonly hop?: (row: HopRow) => ComponentChildren;
  /** The lead under the heading; none on the playground. */
  readonly lead?: string;
  /** The heading's level: 4 inside the lesson's lab, 2 as a section of the playground. */
  readonly level: 2 | 4;
}

const loadRows = () => import('./TraceRows');

export function TracePanel({ rows, n, summary, outcome, onAnother, strings, path, hop, lead, level }: Props) {
  const Rows = useLazy(rows !== null, loadRows);
  const Heading = level === 2 ? 'h2' : 'h4';
  return (
    <section
      class={`live-trace${level === 2 ? ' pg-section' : ''}`}
      aria-labelledby="live-trace-heading"
      data-testid="trace-view"
    >
      <Heading id="live-trace-heading">{strings.heading}</Heading>
      {lead && <p>{lead}</p>}
      <div class="live-toolbar">
        <button type="button" class="live-button live-button--small" onClick={onAnother} data-testid="trace-another">
          {strings.another}
        </button>
      </div>
      <p class="live-trace__summary" data-testid="trace-summary" data-outcome={outcome}>
        {summary}
      </p>
      <div class="live-trace__frame" tabIndex={0} role="region" aria-labelledby="live-trace-caption">
        <table class="live-trace__table" data-testid="trace-table">
          <caption id="live-trace-caption">{fill(strings.caption, { n })}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.step}</th>
              <th scope="col">{strings.node}</th>
              <th scope="col">{strings.where}</th>
              <th scope="col">{strings.rule}</th>
              <th scope="col">{strings.match}</th>
              <th scope="col">{strings.verdict}</th>
            </tr>
          </thead>
          <tbody>{rows && Rows && <Rows.TraceRows rows={rows} strings={strings} path={path} hop={hop} />}</tbody>
        </table>
      </div>
      {/* Phones: one card per step instead of the table (CSS shows one or the other). */}
      <ol class="live-trace__cards" aria-label={fill(strings.caption, { n })} data-testid="trace-cards">
        {rows && Rows && <Rows.TraceCards rows={rows} strings={strings} path={path} hop={hop} />}
      </ol>
    </section>
  );
}
