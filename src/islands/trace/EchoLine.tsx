/** What `ping` prints for a traced ICMP echo request: a reply, an unreachable error, or nothing. */
import type { EchoResult } from '../../engine/simulate';
import type { TraceStrings } from '../../i18n/trace/index';
import { fill } from '../fill';
import { RuleMessage } from './ruleMessage';

/**
 * "pod default/pod-1" / "node node" from the engine, in the page's words. The trace page walks
 * one node's pasted rules, so a node that answers is always the node those rules belong to.
 */
function responderText(responder: string, s: TraceStrings['outcome']): string {
  const [kind, ...rest] = responder.split(' ');
  return kind === 'pod' ? fill(s.echoPod, { name: rest.join(' ') }) : kind === 'node' ? s.echoNode : responder;
}

/** The ping's answer for one outcome, with the engine's reason when nothing comes back. */
export function EchoLine({ echo, s, locale }: { echo: EchoResult; s: TraceStrings['outcome']; locale: string }) {
  if (echo.kind === 'reply')
    return (
      <span class="trace-reason" data-echo="reply">
        {fill(s.echoReply, { from: echo.from, responder: responderText(echo.responder, s) })}
      </span>
    );
  if (echo.kind === 'unreachable')
    return (
      <span class="trace-reason" data-echo="unreachable">
        {fill(s.echoUnreachable, { from: echo.from, name: echo.name, node: echo.node })}
        {echo.sendFails && ` ${s.echoSendFails}`}
      </span>
    );
  return (
    <span class="trace-reason" data-echo="none">
      {s.echoNone}: <RuleMessage message={echo.why} locale={locale} />
    </span>
  );
}
