/** One sample connection of the scenario's seed, step by step on every node it crossed. */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { SampleReport } from '../../playground/engine';
import type { EngineValue } from '../../stores/playgroundEngine';
import { $pgSample } from '../../stores/playground';
import { fill } from '../fill';
import { detailText, reasonText, Saying, type Said } from '../engineText';
import { arrows } from './RunPanel';

interface Props {
  readonly story: EngineValue<SampleReport | { readonly failed: string }>;
  readonly strings: PlaygroundStrings;
}

/** Why the sample was stopped: the engine's reason in the page's language, else the deciding rule or verdict as code. */
function whyOf(t: PlaygroundStrings['trace'], value: SampleReport): Said {
  if (value.reason) return reasonText(t.reasons, value.reason);
  return { text: value.decidedBy ?? value.verdict, code: true };
}

/** A sentence with one slot filled by `said`, which may be code. */
function WithSlot({
  template,
  values,
  slot,
  said,
}: {
  template: string;
  values: Record<string, string | number>;
  slot: string;
  said: Said;
}) {
  const [before = '', after = ''] = fill(template, { ...values, [slot]: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Saying said={said} />
      {after}
    </>
  );
}

export function TracePanel({ story, strings }: Props) {
  const t = strings.trace;
  const value = story.state === 'ready' && !('failed' in story.value) ? story.value : null;
  const n = value ? value.sample + 1 : 1;
  return (
    <section class="pg-section" aria-labelledby="pg-trace-heading" data-testid="pg-trace">
      <h2 id="pg-trace-heading">{t.heading}</h2>
      <div class="live-toolbar">
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => $pgSample.set($pgSample.get() + 1)}
          data-testid="pg-trace-another"
        >
          {t.another}
        </button>
      </div>
      <p data-testid="pg-trace-summary" data-outcome={value?.outcome ?? ''}>
        {story.state === 'ready' && 'failed' in story.value ? (
          story.value.failed
        ) : !value ? (
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
        )}
      </p>
      {value && (
        <div class="pg-scroll" tabIndex={0} role="region" aria-labelledby="pg-trace-caption">
          <table class="pg-table" data-testid="pg-trace-table">
            <caption id="pg-trace-caption">{fill(t.caption, { n })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.step}</th>
                <th scope="col">{t.node}</th>
                <th scope="col">{t.direction}</th>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.packet}</th>
                <th scope="col">{t.detail}</th>
              </tr>
            </thead>
            <tbody>
              {value.steps.map((step, i) => (
                <tr key={i} class={`pg-step pg-step--${step.event}`}>
                  <td>{i + 1}</td>
                  <td>{step.node}</td>
                  <td>{step.direction === 'reply' ? t.reply : t.original}</td>
                  <td>
                    {t.events[step.event]}
                    {step.iface ? ` (${step.iface})` : ''}
                  </td>
                  <td>
                    <code>
                      {step.src} → {step.dst}
                    </code>
                  </td>
                  <td>
                    <Saying said={detailText(t.details, step.detail)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
