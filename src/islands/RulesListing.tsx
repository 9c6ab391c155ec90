/**
 * The rules listing, loaded with the engine (there is nothing to list before it): one line
 * per nat rule, coloured by token, the sample connection's walk numbered, pkts counters,
 * one tab stop with arrow keys, and the note of the line under the pointer or focus.
 */
import { useRef, useState } from 'preact/hooks';
import type { NodeCounters } from '../stores/model.ts';
import type { ConnectionStory, RulesLine } from '../stores/lab/types.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { fill } from './fill.ts';
import { count } from './numbers.ts';
import { walkedOn } from './walked.ts';

interface Props {
  readonly lines: readonly RulesLine[];
  readonly node: string;
  readonly counters: NodeCounters | null;
  readonly story: ConnectionStory | null;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
}

type RulesKey = keyof LiveStrings['rules'];

function explanation(line: RulesLine, strings: LiveStrings['rules']): string {
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

export function RulesListing({ lines, node, counters, story, strings, locale }: Props) {
  const [active, setActive] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const walked = walkedOn(story, node);
  const current = lines[Math.min(active, lines.length - 1)];
  const onKey = (event: KeyboardEvent, i: number) => {
    const to = target(event.key, i, lines.length - 1);
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(lines.length - 1, to));
    setActive(next);
    list.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };
  return (
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
              <span class="live-rule__pkts">{pkts === undefined ? '' : count(locale, pkts)}</span>
              <span class="live-rule__step">{step ?? ''}</span>
              <code class="live-rule__code">
                {line.tokens.map((t, j) =>
                  t.kind === 'space' ? (
                    t.text
                  ) : (
                    <span key={j} class={`tok tok--${t.kind}`}>
                      {t.text}
                    </span>
                  ),
                )}
              </code>
              <span class="sr-only">
                {step ? ` (${fill(strings.walked, { n: step })})` : missed ? ` (${strings.missed})` : ''}{' '}
                {explanation(line, strings)}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="live-rules__explain" aria-hidden="true" data-testid="rules-explain">
        {current && (
          <>
            <code>{current.chain ?? current.text}</code> {explanation(current, strings)}
          </>
        )}
      </p>
    </>
  );
}
