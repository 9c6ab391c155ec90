/** The playground's rules: the shared RulesPanel over the playground's stores (its node, its datapath's dump, its sample). */
import type { LiveStrings } from '../../i18n/live/index';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { nodeNameOf, type PlaygroundScenario } from '../../playground/scenario';
import { $pgRulesNode } from '../../stores/playground';
import type { EngineValue } from '../../stores/playgroundEngine';
import type { RulesLine, TraceRow } from '../../stores/lab/types';
import { fill } from '../fill';
import { RulesPanel } from '../RulesPanel';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly node: number;
  readonly rules: EngineValue<
    { ok: true; lines: readonly RulesLine[] } | { ok: false; message: string; ipv4Only?: true }
  >;
  readonly rows: readonly TraceRow[] | null;
  readonly strings: PlaygroundStrings;
  readonly live: LiveStrings['rules'];
  readonly locale: string;
}

const leads = { iptables: 'leadIptables', nftables: 'leadNftables', ipvs: 'leadIpvs', cilium: 'leadCilium' } as const;
const leads6 = { ...leads, iptables: 'leadIptables6', nftables: 'leadNftables6' } as const;

export function PgRulesView({ scenario, node, rules, rows, strings, live, locale }: Props) {
  const r = strings.rules;
  const names = Array.from({ length: scenario.nodes }, (_, i) => nodeNameOf(i));
  const lines = rules.state === 'ready' && rules.value.ok ? rules.value.lines : [];
  const failure =
    rules.state === 'failed'
      ? rules.message
      : rules.state === 'ready' && !rules.value.ok
        ? rules.value.ipv4Only
          ? fill(strings.run.ipv4Only, { datapath: strings.datapaths[scenario.datapath.mode] })
          : rules.value.message
        : '';
  // The lesson's rule notes, with the playground's own words for its toolbar.
  const words = { ...live, heading: r.heading, node: r.node, copy: r.copy, copied: r.copied, copyFailed: r.copyFailed };
  const mode = scenario.datapath.mode;
  return (
    <RulesPanel
      nodes={names}
      node={nodeNameOf(node)}
      onNode={(name) => $pgRulesNode.set(Math.max(0, names.indexOf(name)))}
      lines={lines}
      failure={failure}
      counters={null}
      rows={rows}
      lead={r[(scenario.family === 'IPv6' ? leads6 : leads)[mode]]}
      // Only iptables-save lines (iptables, and the rules IPVS mode keeps) carry notes.
      note={mode === 'iptables' || mode === 'ipvs' ? live.hint : ''}
      dump={fill(r.dump, { node: nodeNameOf(node) })}
      strings={words}
      locale={locale}
      level={2}
      counted={false}
      mode={mode}
    />
  );
}
