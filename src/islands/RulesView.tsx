/**
 * The lesson's rules view: the shared RulesPanel over the lesson's stores — the selected
 * node's `iptables-save -t nat` as the engine generates it (or the whole dump of another
 * datapath), the last run's pkts counters when that run is about the same settings, and the
 * sample connection's walk.
 */
import { $lastRun } from '../stores/lastRun';
import { $rules, $rulesNode, countersFor, showRulesOf } from '../stores/rules';
import { $scenario } from '../stores/scenario';
import { $story } from '../stores/story';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { count } from './numbers';
import { RulesPanel } from './RulesPanel';
import { useClientStore } from './useClientStore';

interface Props {
  /** The lesson's node names, and the one whose rules show first (the entry node). */
  readonly nodes: readonly string[];
  readonly initialNode: string;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
}

export default function RulesView({ nodes, initialNode, strings, locale }: Props) {
  const chosen = useClientStore($rulesNode, initialNode);
  const node = chosen === '' ? initialNode : chosen;
  const rules = useClientStore($rules, { state: 'loading' });
  const run = useClientStore($lastRun, null);
  const scenario = useClientStore($scenario, {});
  const counters = countersFor(run, scenario, node);
  const story = useClientStore($story, { state: 'loading' });
  const listing = rules.state === 'ready' ? rules.value : null;
  const iptables = !listing || listing.format === 'iptables';
  // Other datapaths' dumps are shown whole, without counters: only the nat table has them here.
  const counted = !iptables
    ? strings.noCountersDump
    : counters && run
      ? fill(strings.counters, { total: count(locale, run.total) })
      : strings.noCounters;
  return (
    <RulesPanel
      nodes={nodes}
      node={node}
      onNode={showRulesOf}
      lines={listing ? listing.lines : []}
      failure={rules.state === 'failed' ? rules.message : ''}
      counters={iptables ? counters : null}
      rows={story.state === 'ready' ? story.value.rows : null}
      lead={strings[listing?.lead ?? 'lead']}
      note={iptables ? `${counted} ${strings.hint}` : counted}
      dump={fill(iptables ? strings.fullDump : strings.fullDumpOther, { node })}
      strings={strings}
      locale={locale}
      level={4}
      counted={iptables}
    />
  );
}
