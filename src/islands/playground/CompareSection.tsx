/** The playground's comparison section: runs every datapath on request (it is the costliest view). */
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { podNameOf, type PlaygroundScenario } from '../../playground/scenario';
import { $pgCompare, RUN_SIZE } from '../../stores/playground';
import { fill } from '../fill';
import { count } from '../numbers';
import { CompareTable } from './CompareTable';
import { describeScenario } from './describe';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly strings: PlaygroundStrings;
  readonly locale: string;
}

function Live({ scenario, strings, locale }: Props) {
  const compare = useStore($pgCompare);
  if (compare.state === 'loading') return <p>{strings.compare.running}</p>;
  if (compare.state === 'failed') return <p class="pg-unavailable">{compare.message}</p>;
  return (
    <CompareTable
      columns={compare.value}
      pods={scenario.pods.map((_, i) => podNameOf(i))}
      strings={strings}
      locale={locale}
      caption={fill(strings.compare.caption, { scenario: describeScenario(scenario, strings) })}
    />
  );
}

export function CompareSection(props: Props) {
  const [on, setOn] = useState(false);
  const c = props.strings.compare;
  return (
    <section class="pg-section" aria-labelledby="pg-compare-heading" data-testid="pg-compare">
      <h2 id="pg-compare-heading">{c.heading}</h2>
      <p>{fill(c.lead, { total: count(props.locale, RUN_SIZE) })}</p>
      {on ? (
        <Live {...props} />
      ) : (
        <button type="button" class="live-button" onClick={() => setOn(true)} data-testid="pg-compare-run">
          {c.run}
        </button>
      )}
    </section>
  );
}
