/**
 * The sampled packet: its way through the node step by step, then every rule it met, in
 * order, with long runs of non-matching rules folded; each rule links to its line.
 */
import { useMemo, useState } from 'preact/hooks';
import type { TraceStrings } from '../../i18n/trace/index';
import type { SampleView, TraceLine } from '../../workers/trace/protocol';
import { detailText, Saying } from '../engineText';
import { displayLine } from './display';
import { fill } from '../fill';
import { count } from '../numbers';
import { LineLink } from './LineLink';
import { traceRows } from './rows';
import { RuleMessage } from './ruleMessage';

interface Props {
  readonly sample: SampleView;
  readonly strings: TraceStrings;
  readonly locale: string;
  readonly onAnother: (() => void) | null;
}

/** Rows shown before "show more" (each is a dozen DOM nodes; more would stall the page). */
const PAGE = 250;

interface RowProps {
  readonly n: number;
  readonly e: TraceLine;
  readonly s: TraceStrings['sample'];
  readonly strings: TraceStrings;
  readonly locale: string;
}

function RuleRow({ n, e, s, strings, locale }: RowProps) {
  const text =
    e.rule === 0
      ? fill(e.text === 'return' ? s.returned : s.policy, { chain: e.chain })
      : displayLine(e.text, 400).text;
  return (
    <tr class={e.matched ? 'is-matched' : ''} data-line={e.line} data-matched={String(e.matched)}>
      <td class="trace-num">{n}</td>
      <td>
        {e.hook}
        {e.direction === 'reply' ? ` (${s.reply})` : ''}
      </td>
      <td>
        {e.table} / <code>{e.chain}</code>
      </td>
      <td>
        {e.rule > 0 && (
          <>
            <LineLink line={e.line} label={s.line} title={strings.problems.show} />{' '}
          </>
        )}
        <code class="trace-rule">{text}</code>
      </td>
      <td>
        <span aria-hidden="true">{e.matched ? '✓ ' : '· '}</span>
        {e.matched ? s.yes : s.no}
      </td>
      <td>{locale === 'ko' ? <RuleMessage message={e.action} locale={locale} /> : <code>{e.action}</code>}</td>
    </tr>
  );
}

export function SampleTrace({ sample, strings, locale, onAnother }: Props) {
  const s = strings.sample;
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => traceRows(sample.trace, open), [sample, open]);
  return (
    <section class="trace-section" aria-labelledby="trace-sample-heading">
      <h3 id="trace-sample-heading">{s.heading}</h3>
      <p>{fill(s.lead, { seed: sample.seed })}</p>
      {onAnother && (
        <p>
          <button type="button" class="trace-button" onClick={onAnother} data-testid="trace-another">
            {s.another}
          </button>
        </p>
      )}
      <h4>{s.journey}</h4>
      <ol class="trace-steps" data-testid="trace-steps">
        {sample.steps.map((step, i) => (
          <li key={i} class={`trace-step trace-step--${step.event}`}>
            {step.direction === 'reply' && <span class="trace-badge">{s.reply}</span>}{' '}
            {fill(s[step.event], {
              iface: step.iface,
              src: step.src,
              dst: step.dst,
              detail: detailText(strings.details, step.detail).text,
            })}
            {step.detail && step.event !== 'drop' && (
              <span class="trace-reason">
                {' ('}
                <Saying said={detailText(strings.details, step.detail)} />
                {')'}
              </span>
            )}
          </li>
        ))}
      </ol>
      <div class="trace-scroll trace-scroll--tall" tabIndex={0} role="region" aria-labelledby="trace-sample-caption">
        <table class="trace-table trace-table--trace" data-testid="trace-table">
          <caption id="trace-sample-caption">{s.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.step}</th>
              <th scope="col">{s.hook}</th>
              <th scope="col">{s.chain}</th>
              <th scope="col">{s.rule}</th>
              <th scope="col">{s.match}</th>
              <th scope="col">{s.action}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) =>
              row.kind === 'rule' ? (
                <RuleRow key={row.index} n={row.index + 1} e={row.entry} s={s} strings={strings} locale={locale} />
              ) : (
                <tr key={`g${row.id}`} class="trace-group" data-testid="trace-group">
                  <td class="trace-num">
                    {row.first + 1}–{row.first + row.entries.length}
                  </td>
                  <td colSpan={5}>
                    {fill(s.collapsed, {
                      n: count(locale, row.entries.length),
                      chain: row.entries[0]?.chain ?? '',
                      from: row.entries[0]?.line ?? 0,
                      to: row.entries[row.entries.length - 1]?.line ?? 0,
                    })}{' '}
                    <button
                      type="button"
                      class="trace-button trace-button--small"
                      onClick={() => setOpen(new Set([...open, row.id]))}
                    >
                      {s.expand}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <p>
          <button type="button" class="trace-button" onClick={() => setShown(shown + PAGE)}>
            {fill(s.showMore, { n: count(locale, Math.min(PAGE, rows.length - shown)) })}
          </button>
        </p>
      )}
      {sample.omitted > 0 && <p>{fill(s.omitted, { n: count(locale, sample.omitted) })}</p>}
    </section>
  );
}
