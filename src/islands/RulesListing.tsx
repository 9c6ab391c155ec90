/**
 * The rules listing, loaded with the engine (there is nothing to list before it). First what
 * fired: the chains the sample connection walked on this node, in order, each rule it checked
 * with its step number and pkts counter. Then, one click away, the node's full dump: one
 * line per rule, coloured by token, one tab stop with arrow keys, and the note of the line
 * under the pointer or focus. Long rules wrap between options, never inside one. A dump with
 * no numbered rules (nft, ipvsadm, cilium-dbg text) has no walk to show, so it is listed open.
 */
import { useRef, useState } from 'preact/hooks';
import type { NodeCounters } from '../stores/model';
import type { RulesLine, TraceRow } from '../stores/lab/types';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { count } from './numbers';
import { optionGroups } from './ruleGroups';
import { walkedOn, type Walked } from './walked';

interface Props {
  readonly lines: readonly RulesLine[];
  readonly node: string;
  readonly counters: NodeCounters | null;
  /** The sample connection's rows, whose nat rules on `node` are highlighted. */
  readonly rows: readonly TraceRow[] | null;
  /** The title of the full listing ("The full nat table of node-2 …"). */
  readonly dump: string;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
}

type RulesKey = keyof LiveStrings['rules'];

function explanation(line: RulesLine, strings: LiveStrings['rules']): string {
  // Lines of other tables and formats come without a note; only an unknown rule says so.
  if (!line.explain && line.kind !== 'rule') return '';
  const key = (line.explain?.key ?? 'ruleOther') as RulesKey;
  return fill(strings[key] ?? strings.ruleOther, line.explain?.values ?? {});
}

/** Keys that move the focus through the listing, and where to. */
function target(key: string, i: number, last: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: i + 1,
    ArrowUp: i - 1,
    Home: 0,
    End: last,
    PageDown: i + 10,
    PageUp: i - 10,
  };
  return moves[key];
}

/** A rule's packet counter, its step in the sample's walk and its code: one row's shared cells. */
function RuleCells({
  line,
  pkts,
  step,
  locale,
}: {
  readonly line: RulesLine;
  readonly pkts: number | undefined;
  readonly step: number | undefined;
  readonly locale: string;
}) {
  return (
    <>
      <span class="live-rule__pkts">{pkts === undefined ? '' : count(locale, pkts)}</span>
      <span class="live-rule__step">{step ?? ''}</span>
      <RuleCode line={line} />
    </>
  );
}

/** A rule's code, coloured by token, wrapping only between options. */
function RuleCode({ line }: { readonly line: RulesLine }) {
  const groups = line.kind === 'rule' ? optionGroups(line.tokens) : [line.tokens];
  return (
    <code class="live-rule__code">
      {groups.map((group, g) => (
        <>
          {g > 0 && ' '}
          <span key={g} class="live-opt">
            {group.map((t, j) =>
              t.kind === 'space' ? (
                t.text
              ) : (
                <span key={j} class={`tok tok--${t.kind}`}>
                  {t.text}
                </span>
              ),
            )}
          </span>
        </>
      ))}
    </code>
  );
}

/** The walked chains of this node in walk order, each with the rules the packet checked. */
function Fired({
  lines,
  walked,
  counters,
  strings,
  locale,
  node,
}: {
  readonly lines: readonly RulesLine[];
  readonly walked: Walked;
  readonly counters: NodeCounters | null;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
  readonly node: string;
}) {
  const chains = [...walked.chains];
  if (chains.length === 0)
    return (
      <p class="live-rules__none" data-testid="rules-fired">
        {strings.firedNone}
      </p>
    );
  return (
    <ol class="live-rules__fired" data-testid="rules-fired" aria-label={fill(strings.fired, { node })}>
      {chains.map((chain) => (
        <li key={chain} class="live-fired">
          <p class="live-fired__chain">
            <code class="tok tok--chain">{chain}</code>
          </p>
          <ol class="live-fired__rules">
            {lines
              .filter((l) => l.kind === 'rule' && l.chain === chain && l.rule !== undefined)
              .filter((l) => walked.steps.has(`${chain} ${l.rule}`) || walked.missed.has(`${chain} ${l.rule}`))
              .map((line) => {
                const step = walked.steps.get(`${chain} ${line.rule}`);
                const pkts = line.counter !== undefined && counters ? counters[line.counter] : undefined;
                return (
                  <li
                    key={line.rule}
                    class={`live-rule${step ? ' is-walked' : ' is-missed'}`}
                    data-step={step}
                    data-pkts={pkts}
                  >
                    <RuleCells line={line} pkts={pkts} step={step} locale={locale} />
                    <span class="sr-only">
                      {step ? ` (${fill(strings.walked, { n: step })})` : ` (${strings.missed})`}
                    </span>
                  </li>
                );
              })}
          </ol>
        </li>
      ))}
    </ol>
  );
}

export function RulesListing({ lines, node, counters, rows, dump, strings, locale }: Props) {
  const [active, setActive] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const walked = walkedOn(rows && { rows }, node);
  const numbered = lines.some((l) => l.rule !== undefined);
  const current = lines[Math.min(active, lines.length - 1)];
  const onKey = (event: KeyboardEvent, i: number) => {
    const to = target(event.key, i, lines.length - 1);
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(lines.length - 1, to));
    setActive(next);
    list.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };
  const listing = (
    <>
      <ol class="live-rules__lines" ref={list} aria-labelledby="live-rules-heading" data-testid="rules-lines">
        {lines.map((line, i) => {
          const key = line.rule ? `${line.chain} ${line.rule}` : '';
          const step = key ? walked.steps.get(key) : undefined;
          const entered = line.kind === 'chain' && line.chain !== undefined && walked.chains.has(line.chain);
          const missed = key !== '' && walked.missed.has(key);
          const pkts = line.counter !== undefined && counters ? counters[line.counter] : undefined;
          const classes = [
            'live-rule',
            step || entered ? 'is-walked' : '',
            missed ? 'is-missed' : '',
            i === active ? 'is-active' : '',
          ];
          return (
            <li
              key={i}
              class={classes.filter(Boolean).join(' ')}
              data-index={i}
              data-step={step}
              data-pkts={pkts}
              tabIndex={i === active ? 0 : -1}
              onFocus={() => setActive(i)}
              onMouseEnter={() => setActive(i)}
              onClick={() => setActive(i)}
              onKeyDown={(e) => onKey(e, i)}
            >
              <RuleCells line={line} pkts={pkts} step={step} locale={locale} />
              <span class="sr-only">
                {step ? ` (${fill(strings.walked, { n: step })})` : missed ? ` (${strings.missed})` : ''}{' '}
                {explanation(line, strings)}
              </span>
            </li>
          );
        })}
      </ol>
      {/* Plain text has no notes: the line under the pointer would only be repeated. */}
      {numbered && (
        <p class="live-rules__explain" aria-hidden="true" data-testid="rules-explain">
          {current && (
            <>
              <code>{current.chain ?? current.text}</code> {explanation(current, strings)}
            </>
          )}
        </p>
      )}
    </>
  );
  if (!numbered) return listing;
  return (
    <>
      <h5 class="live-rules__sub">{fill(strings.fired, { node })}</h5>
      <Fired lines={lines} walked={walked} counters={counters} strings={strings} locale={locale} node={node} />
      <details class="live-rules__dump" data-testid="rules-dump">
        <summary data-testid="rules-dump-toggle">{dump}</summary>
        {listing}
      </details>
    </>
  );
}
