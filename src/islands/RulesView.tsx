/**
 * The rules view: the selected node's `iptables-save -t nat` as the engine generates it,
 * with a node selector, a copy button and a note on the counters. The listing itself
 * (RulesListing) loads with the engine, since there is nothing to list before it.
 */
import { useState } from 'preact/hooks';
import { $lastRun } from '../stores/lastRun';

import { $rules, $rulesNode, countersFor, showRulesOf } from '../stores/rules';
import { $scenario } from '../stores/scenario';
import { $story } from '../stores/story';
import type { LiveStrings } from '../i18n/live/index';
import { copyText } from './copyText';
import { fill } from './fill';
import { count } from './numbers';
import { Text } from './Text';
import { useClientStore } from './useClientStore';
import { useLazy } from './useLazy';

interface Props {
  /** The lesson's node names, and the one whose rules show first (the entry node). */
  readonly nodes: readonly string[];
  readonly initialNode: string;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
}

const loadListing = () => import('./RulesListing').then((m) => m.RulesListing);

export default function RulesView({ nodes, initialNode, strings, locale }: Props) {
  const chosen = useClientStore($rulesNode, initialNode);
  const node = chosen === '' ? initialNode : chosen;
  const rules = useClientStore($rules, { state: 'loading' });
  const run = useClientStore($lastRun, null);
  const scenario = useClientStore($scenario, {});
  const counters = countersFor(run, scenario, node);
  const story = useClientStore($story, { state: 'loading' });
  const [copied, setCopied] = useState('');
  const lines = rules.state === 'ready' ? rules.value.lines : [];
  const Listing = useLazy(lines.length > 0, loadListing);

  const copy = async () => {
    const ok = await copyText(lines.map((l) => l.text).join('\n') + '\n');
    setCopied(ok ? strings.copied : strings.copyFailed);
  };

  return (
    <section class="live-rules" aria-labelledby="live-rules-heading" data-testid="rules-view" data-node={node}>
      <h4 id="live-rules-heading">{strings.heading}</h4>
      <p>
        <Text>{strings.lead}</Text>
      </p>
      <div class="live-toolbar">
        <label>
          <span>{strings.node}</span>
          <select value={node} onChange={(e) => showRulesOf(e.currentTarget.value)} data-testid="rules-node">
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
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
        {counters && run ? fill(strings.counters, { total: count(locale, run.total) }) : strings.noCounters}{' '}
        {strings.hint}
      </p>
      <div class="live-rules__frame">
        <div class="live-rules__head" aria-hidden="true">
          <span class="live-rules__pkts">{strings.pkts}</span>
        </div>
        {Listing && lines.length > 0 ? (
          <Listing
            lines={lines}
            node={node}
            counters={counters}
            story={story.state === 'ready' ? story.value : null}
            strings={strings}
            locale={locale}
          />
        ) : (
          <p class="live-rules__placeholder">
            {rules.state === 'failed' ? fill(strings.failed, { message: rules.message }) : strings.loading}
          </p>
        )}
      </div>
    </section>
  );
}
