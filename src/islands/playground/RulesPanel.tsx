/** The selected node's rules (iptables, nftables) or tables (IPVS, Cilium), as the datapath would print them. */
import { useState } from 'preact/hooks';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { nodeNameOf, type PlaygroundScenario } from '../../playground/scenario';
import type { EngineValue } from '../../stores/playgroundEngine';
import { $pgRulesNode } from '../../stores/playground';
import { copyText } from '../copyText';
import { Text } from '../Text';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly node: number;
  readonly rules: EngineValue<{ ok: true; text: string } | { ok: false; message: string }>;
  readonly strings: PlaygroundStrings;
}

const leads = { iptables: 'leadIptables', nftables: 'leadNftables', ipvs: 'leadIpvs', cilium: 'leadCilium' } as const;

export function RulesPanel({ scenario, node, rules, strings }: Props) {
  const r = strings.rules;
  const [copied, setCopied] = useState('');
  const text = rules.state === 'ready' && rules.value.ok ? rules.value.text : '';
  const failure =
    rules.state === 'failed' ? rules.message : rules.state === 'ready' && !rules.value.ok ? rules.value.message : '';
  return (
    <section
      class="pg-section"
      aria-labelledby="pg-rules-heading"
      data-testid="pg-rules"
      data-mode={scenario.datapath.mode}
    >
      <h2 id="pg-rules-heading">{r.heading}</h2>
      <p>
        <Text>{r[leads[scenario.datapath.mode]]}</Text>
      </p>
      <div class="live-toolbar">
        <label>
          <span>{r.node}</span>{' '}
          <select
            value={node}
            onChange={(e) => $pgRulesNode.set(Number(e.currentTarget.value))}
            data-testid="pg-rules-node"
          >
            {Array.from({ length: scenario.nodes }, (_, i) => (
              <option key={i} value={i}>
                {nodeNameOf(i)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="live-button live-button--small"
          disabled={!text}
          onClick={() => void copyText(text).then((ok) => setCopied(ok ? r.copied : r.copyFailed))}
        >
          {r.copy}
        </button>
        <span role="status">{copied}</span>
      </div>
      {failure ? (
        <p class="pg-unavailable">{failure}</p>
      ) : (
        <pre class="pg-rules" tabIndex={0} data-testid="pg-rules-text" aria-label={`${r.heading}: ${nodeNameOf(node)}`}>
          {text || r.loading}
        </pre>
      )}
    </section>
  );
}
