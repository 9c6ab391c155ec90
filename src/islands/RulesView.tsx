/**
 * The lesson's rules view: the shared RulesPanel over the lesson's stores — the selected
 * node's `iptables-save -t nat` as the engine generates it, the last run's pkts counters when
 * that run is about the same settings, and the sample connection's walk.
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
  const counted = counters && run ? fill(strings.counters, { total: count(locale, run.total) }) : strings.noCounters;
  return (
    <RulesPanel
      nodes={nodes}
      node={node}
      onNode={showRulesOf}
      lines={rules.state === 'ready' ? rules.value.lines : []}
      failure={rules.state === 'failed' ? rules.message : ''}
      counters={counters}
      rows={story.state === 'ready' ? story.value.rows : null}
      lead={strings.lead}
      note={`${counted} ${strings.hint}`}
      dump={fill(strings.fullDump, { node })}
      strings={strings}
      locale={locale}
      level={4}
      counted
    />
  );
}
