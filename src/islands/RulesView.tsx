/**
 * The rules view: the selected node's `iptables-save -t nat`, coloured token by token, with
 * the sample connection's walk numbered in order, pkts counters from the last run, an
 * explanation of the line under the pointer or focus, a copy button and a node selector.
 */
import { useRef, useState } from 'preact/hooks';
import { $lastRun } from '../stores/lastRun.ts';
import { defaultScenario, nodeName, nodeNumbers, type NodeNumber } from '../stores/model.ts';
import { $ruleCounters, $rules, $rulesNode, showRulesOf } from '../stores/rules.ts';
import { $story } from '../stores/story.ts';
import type { RulesLine } from '../stores/lab/types.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { copyText } from './copyText.ts';
import { fill } from './fill.ts';
import { count } from './numbers.ts';
import { Text } from './Text.tsx';
import { useClientStore } from './useClientStore.ts';
import { walkedOn } from './walked.ts';

interface Props {
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
}

type RulesKey = keyof LiveStrings['rules'];

function explanation(line: RulesLine, strings: LiveStrings['rules']): string {
  const key = (line.explain?.key ?? 'ruleOther') as RulesKey;
  return fill(strings[key] ?? strings.ruleOther, line.explain?.values ?? {});
}

export default function RulesView({ strings, locale }: Props) {
  const node = useClientStore($rulesNode, defaultScenario.node);
  const rules = useClientStore($rules, { state: 'loading' });
  const counters = useClientStore($ruleCounters, null);
  const run = useClientStore($lastRun, null);
  const story = useClientStore($story, { state: 'loading' });
  const [active, setActive] = useState(0);
  const [copied, setCopied] = useState('');
  const list = useRef<HTMLOListElement>(null);

  const lines = rules.state === 'ready' ? rules.value.lines : [];
  const walked = walkedOn(story.state === 'ready' ? story.value : null, nodeName(node));
  const current = lines[Math.min(active, lines.length - 1)];

  const focusLine = (i: number) => {
    const next = Math.max(0, Math.min(lines.length - 1, i));
    setActive(next);
    list.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };
  const onKey = (event: KeyboardEvent, i: number) => {
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: lines.length - 1,
      PageDown: i + 10,
      PageUp: i - 10,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusLine(to);
  };
  const copy = async () => {
    const ok = await copyText(lines.map((l) => l.text).join('\n') + '\n');
    setCopied(ok ? strings.copied : strings.copyFailed);
  };

  return (
    <section class="live-rules" aria-labelledby="live-rules-heading" data-testid="rules-view" data-node={nodeName(node)}>
      <h4 id="live-rules-heading">{strings.heading}</h4>
      <p>
        <Text>{strings.lead}</Text>
      </p>
      <div class="live-toolbar">
        <label>
          <span>{strings.node}</span>
          <select
            value={String(node)}
            onChange={(e) => showRulesOf(Number(e.currentTarget.value) as NodeNumber)}
            data-testid="rules-node"
          >
            {nodeNumbers.map((n) => (
              <option key={n} value={String(n)}>
                {fill(strings.nodeOption, { n })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => void copy()}
          disabled={lines.length === 0}
          data-testid="rules-copy"
        >
          {strings.copy}
        </button>
        <span role="status" class="live-toolbar__status">
          {copied}
        </span>
      </div>
      <p class="live-rules__note" data-testid="rules-counters-note">
        {counters && run ? fill(strings.counters, { total: count(locale, run.total) }) : strings.noCounters} {strings.hint}
      </p>
      <div class="live-rules__frame">
        <div class="live-rules__head" aria-hidden="true">
          <span class="live-rules__pkts">{strings.pkts}</span>
        </div>
        {lines.length === 0 ? (
          <p class="live-rules__placeholder">
            {rules.state === 'failed' ? fill(strings.failed, { message: rules.message }) : strings.loading}
          </p>
        ) : (
          <ol class="live-rules__lines" ref={list} aria-labelledby="live-rules-heading" data-testid="rules-lines">
            {lines.map((line, i) => {
              const key = line.rule ? `${line.chain} ${line.rule}` : '';
              const step = key ? walked.steps.get(key) : undefined;
              const entered = line.kind === 'chain' && line.chain !== undefined && walked.chains.has(line.chain);
              const missed = key !== '' && walked.missed.has(key);
              const pkts = line.counter !== undefined && counters ? counters[line.counter] : undefined;
              const classes = [
                'live-rule',
                `live-rule--${line.kind}`,
                step ? 'is-walked' : '',
                entered ? 'is-entered' : '',
                missed ? 'is-missed' : '',
                i === active ? 'is-active' : '',
              ];
              return (
                <li
                  key={i}
                  class={classes.filter(Boolean).join(' ')}
                  data-index={i}
                  data-chain={line.chain}
                  data-rule={line.rule}
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
        )}
        <p class="live-rules__explain" aria-hidden="true" data-testid="rules-explain">
          {current && (
            <>
              <code>{current.chain ?? current.text}</code> {explanation(current, strings)}
            </>
          )}
        </p>
      </div>
    </section>
  );
}
