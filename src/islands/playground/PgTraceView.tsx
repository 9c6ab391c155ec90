/** The playground's sample connection: the shared TracePanel over the playground's stores, its hops said in the page's language. */
import type { LiveStrings } from '../../i18n/live/index';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { SampleReport } from '../../playground/engine';
import { $pgSample } from '../../stores/playground';
import type { EngineValue } from '../../stores/playgroundEngine';
import type { HopRow } from '../../stores/lab/types';
import { detailText, reasonText, Saying, type Said } from '../engineText';
import { fill } from '../fill';
import { TracePanel } from '../TracePanel';
import { arrows } from './RunPanel';

interface Props {
  readonly story: EngineValue<SampleReport | { readonly failed: string; readonly ipv4Only?: true }>;
  readonly strings: PlaygroundStrings;
  readonly live: Pick<LiveStrings, 'trace' | 'path'>;
}

/** Why the sample was stopped: the engine's reason in the page's language, else the deciding rule or verdict as code. */
function whyOf(t: PlaygroundStrings['trace'], value: SampleReport): Said {
  if (value.reason) return reasonText(t.reasons, value.reason);
  return { text: value.decidedBy ?? value.verdict, code: true };
}

/** A sentence with one slot filled by `said`, which may be code. */
function WithSlot(p: { template: string; values: Record<string, string | number>; slot: string; said: Said }) {
  const [before = '', after = ''] = fill(p.template, { ...p.values, [p.slot]: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Saying said={p.said} />
      {after}
    </>
  );
}

export function PgTraceView({ story, strings, live }: Props) {
  const t = strings.trace;
  const failed =
    story.state === 'ready' && 'failed' in story.value
      ? story.value.ipv4Only
        ? strings.editor.ipv4OnlyDatapath
        : story.value.failed
      : null;
  const value = story.state === 'ready' && !('failed' in story.value) ? story.value : null;
  const n = value ? value.sample + 1 : 1;
  const words = { ...live.trace, heading: t.heading, another: t.another, caption: t.caption, step: t.step };
  /** A hop: request or answer, what happened (on which interface), the packet, and the engine's detail. */
  const hop = (row: HopRow) => {
    const detail = detailText(t.details, row.detail);
    return (
      <>
        {row.direction === 'reply' ? t.reply : t.original} · {t.events[row.event]}
        {row.iface ? ` (${row.iface})` : ''}:{' '}
        <code>
          <span class="live-nowrap">{row.src}</span> → <span class="live-nowrap">{row.dst}</span>
        </code>
        {detail.text && (
          <>
            {' · '}
            <Saying said={detail} />
          </>
        )}
      </>
    );
  };
  return (
    <TracePanel
      rows={value ? value.rows : null}
      n={n}
      summary={
        failed ??
        (!value ? (
          t.loading
        ) : value.outcome !== 'dropped' ? (
          fill(t.summaryPod, { n, sport: value.sourcePort, pod: value.outcome, hops: arrows(value.hops) })
        ) : (
          <WithSlot
            template={t.summaryDropped}
            values={{ n, sport: value.sourcePort }}
            slot="why"
            said={whyOf(t, value)}
          />
        ))
      }
      outcome={value?.outcome ?? ''}
      onAnother={() => $pgSample.set($pgSample.get() + 1)}
      strings={words}
      path={live.path}
      hop={hop}
      level={2}
    />
  );
}
