/**
 * The rows of the trace: as table rows on wider screens (rules as cells, events and hops as
 * one sentence across the row) and as one card per step on phones (node; hook / table /
 * chain; the rule as a code line that scrolls on its own; matched?; result). Words never
 * break inside: rule text wraps only between its space-separated tokens.
 */
import type { ComponentChildren } from 'preact';
import { Text } from './Text';
import type { HopRow, TraceRow } from '../stores/lab/types';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';

interface Props {
  readonly rows: readonly TraceRow[];
  readonly strings: LiveStrings['trace'];
  readonly path: LiveStrings['path'];
  /** Says what happened at a hop (the playground's rows; the lesson has none). */
  readonly hop?: ((row: HopRow) => ComponentChildren) | undefined;
}

type RuleRow = Extract<TraceRow, { kind: 'rule' }>;

/** The text of a rule row: the rule, or what a chain's end means. */
function ruleText(row: RuleRow, strings: LiveStrings['trace']): string {
  return row.rule === 0 ? (row.text === 'return' ? strings.returned : strings.policy) : row.text;
}

/** Text that may wrap between its words and never inside one (chain names, addresses, flags). */
export function Words({ text }: { readonly text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((part, i) =>
        i % 2 === 1
          ? ' '
          : part && (
              <span key={i} class="live-nowrap">
                {part}
              </span>
            ),
      )}
    </>
  );
}

function Where({ row }: { readonly row: RuleRow }) {
  return (
    <>
      <span class="live-nowrap">{row.hook} /</span> <span class="live-nowrap">{row.table} /</span>{' '}
      <code class="live-nowrap">{row.chain}</code>
    </>
  );
}

function Matched({ row, strings }: { readonly row: RuleRow; readonly strings: LiveStrings['trace'] }) {
  return (
    <span class={row.matched ? 'live-trace__yes' : 'live-trace__no'}>
      <span aria-hidden="true">{row.matched ? '✓ ' : '· '}</span>
      {row.matched ? strings.yes : strings.no}
    </span>
  );
}

export function TraceRows({ rows, strings, path, hop }: Props) {
  return (
    <>
      {rows.map((row, i) => (
        <tr
          key={i}
          class={
            row.kind === 'event'
              ? 'live-trace__event'
              : row.kind === 'hop'
                ? 'live-trace__hop'
                : row.matched
                  ? 'live-trace__matched'
                  : ''
          }
        >
          <td>{i + 1}</td>
          {row.kind === 'event' ? (
            <td colSpan={5}>
              <Text>{fill(path[row.say.key], row.say.values)}</Text>
            </td>
          ) : row.kind === 'hop' ? (
            <>
              <td class="live-nowrap">{row.node}</td>
              <td colSpan={4}>{hop?.(row)}</td>
            </>
          ) : (
            <>
              <td class="live-nowrap">{row.node}</td>
              <td>
                <Where row={row} />
              </td>
              <td>
                <code class="live-trace__rule">
                  <Words text={ruleText(row, strings)} />
                </code>
              </td>
              <td class="live-nowrap">
                <Matched row={row} strings={strings} />
              </td>
              <td>
                {row.action && (
                  <code>
                    <Words text={row.action} />
                  </code>
                )}
              </td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}

/** The same rows as cards, one per step, for phones. */
export function TraceCards({ rows, strings, path, hop }: Props) {
  return (
    <>
      {rows.map((row, i) =>
        row.kind === 'event' ? (
          <li key={i} class="live-card live-card--event">
            <span class="live-card__step">{i + 1}</span> <Text>{fill(path[row.say.key], row.say.values)}</Text>
          </li>
        ) : row.kind === 'hop' ? (
          <li key={i} class="live-card live-card--hop">
            <span class="live-card__step">{i + 1}</span> <span class="live-nowrap">{row.node}</span> · {hop?.(row)}
          </li>
        ) : (
          <li key={i} class={`live-card${row.matched ? ' live-card--matched' : ''}`}>
            <p class="live-card__head">
              <span class="live-card__step">{i + 1}</span> <span class="live-nowrap">{row.node}</span> ·{' '}
              <Where row={row} />
            </p>
            {/* The rule keeps its one line and scrolls sideways inside the card. */}
            <pre class="live-card__rule" tabIndex={0} aria-label={`${strings.rule} ${i + 1}`}>
              <code>{ruleText(row, strings)}</code>
            </pre>
            <p class="live-card__foot">
              <Matched row={row} strings={strings} />
              {row.action && (
                <>
                  {' → '}
                  <code>
                    <Words text={row.action} />
                  </code>
                </>
              )}
            </p>
          </li>
        ),
      )}
    </>
  );
}
