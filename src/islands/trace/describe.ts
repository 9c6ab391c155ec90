/** Outcomes and rules in words, in the page's language. */
import { joinHostPort } from '../../engine/rules';
import type { TraceStrings } from '../../i18n/trace/index';
import type { OutcomeView, RuleView } from '../../workers/trace/protocol';
import { fill } from '../fill';

/** "Forwarded to 10.244.1.2:8080 (after DNAT)", "Dropped", … */
export function describeOutcome(o: OutcomeView, s: TraceStrings['outcome']): string {
  if (o.verdict === 'DROP') return s.drop;
  if (o.verdict === 'REJECT') return s.reject;
  if (o.verdict === 'UNKNOWN' || !o.destination) return s.unknown;
  // A ping has no port: the address alone.
  const dst = o.echo ? o.destination.ip : joinHostPort(o.destination.ip, o.destination.port);
  const where = fill(s[o.destination.kind], { dst });
  return o.verdict === 'DNAT' ? `${where} ${s.afterDnat}` : where;
}

/** The rule or policy behind an outcome, or null when the kernel decided (its reason says why). */
export function describeDecider(rule: RuleView | null, s: TraceStrings['outcome']): string | null {
  if (rule && rule.rule > 0) return fill(s.rule, { line: rule.line, chain: rule.chain, rule: rule.rule });
  if (rule) return fill(s.policy, { chain: rule.chain, line: rule.line || '—' });
  return null;
}
