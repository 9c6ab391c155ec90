/**
 * The comparison view on its own, for the datapaths guide: a fixed scenario (the bounce
 * cluster, ETP Cluster or Local) through every datapath, run when the island hydrates, with a
 * link that opens the same scenario in the playground.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { ComparisonColumn } from '../../playground/engine';
import { shareFragment } from '../../playground/codec';
import { podNameOf, RUN_SIZE, type PlaygroundScenario } from '../../playground/scenario';
import { loadPlaygroundEngine } from '../../stores/playgroundEngine';
import { fill } from '../fill';
import { count } from '../numbers';
import { CompareTable } from './CompareTable';
import { describeScenario } from './describe';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly strings: PlaygroundStrings;
  readonly locale: string;
  /** The playground's path in this locale ("/en/playground/"). */
  readonly playground: string;
  readonly open: string;
  readonly id: string;
}

export default function CompareIsland({ scenario, strings, locale, playground, open, id }: Props) {
  const [columns, setColumns] = useState<readonly ComparisonColumn[] | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    loadPlaygroundEngine().then(
      (e) => setColumns(e.compareScenario(scenario, RUN_SIZE)),
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  return (
    <div class="pg-embed" data-testid={`pg-embed-${id}`} data-ready={columns ? 'yes' : 'no'}>
      <p>{fill(strings.compare.lead, { total: count(locale, RUN_SIZE) })}</p>
      {failed ? (
        <p class="pg-unavailable">{failed}</p>
      ) : columns ? (
        <CompareTable
          columns={columns}
          pods={scenario.pods.map((_, i) => podNameOf(i))}
          strings={strings}
          locale={locale}
          caption={fill(strings.compare.caption, { scenario: describeScenario(scenario, strings) })}
        />
      ) : (
        <p>{strings.compare.running}</p>
      )}
      <p>
        <a href={`${playground}#${shareFragment(scenario)}`}>{open}</a>
      </p>
    </div>
  );
}
