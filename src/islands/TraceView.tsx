/**
 * The trace view: one sample connection, rule by rule and event by event, on every node it
 * crossed, with "show another connection" to draw the next sample. The rows' code loads
 * with the engine.
 */
import { showAnotherConnection, $story } from '../stores/story';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { useClientStore } from './useClientStore';
import { useLazy } from './useLazy';

interface Props {
  readonly strings: LiveStrings['trace'];
  readonly path: LiveStrings['path'];
}

const loadRows = () => import('./TraceRows');

export default function TraceView({ strings, path }: Props) {
  const loaded = useClientStore($story, { state: 'loading' });
  const story = loaded.state === 'ready' ? loaded.value : null;
  // The rows' code arrives with the engine: there are no rows before it.
  const Rows = useLazy(story !== null, loadRows);
  const n = story ? story.sample + 1 : 1;
  return (
    <section class="live-trace" aria-labelledby="live-trace-heading" data-testid="trace-view">
      <h4 id="live-trace-heading">{strings.heading}</h4>
      <p>{strings.lead}</p>
      <div class="live-toolbar">
        <button
          type="button"
          class="live-button live-button--small"
          onClick={showAnotherConnection}
          data-testid="trace-another"
        >
          {strings.another}
        </button>
      </div>
      <p class="live-trace__summary" data-testid="trace-summary" data-outcome={story?.outcome ?? ''}>
        {!story
          ? strings.loading
          : story.pod
            ? fill(strings.summaryPod, { n, sport: story.sport, pod: story.pod, node: story.podNode ?? '?' })
            : fill(strings.summaryDropped, { n, sport: story.sport })}
      </p>
      <div class="live-trace__frame" tabIndex={0} role="region" aria-labelledby="live-trace-caption">
        <table class="live-trace__table" data-testid="trace-table">
          <caption id="live-trace-caption">{fill(strings.caption, { n })}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.step}</th>
              <th scope="col">{strings.node}</th>
              <th scope="col">{strings.where}</th>
              <th scope="col">{strings.rule}</th>
              <th scope="col">{strings.match}</th>
              <th scope="col">{strings.verdict}</th>
            </tr>
          </thead>
          <tbody>{story && Rows && <Rows.TraceRows rows={story.rows} strings={strings} path={path} />}</tbody>
        </table>
      </div>
      {/* Phones: one card per step instead of the table (CSS shows one or the other). */}
      <ol class="live-trace__cards" aria-label={fill(strings.caption, { n })} data-testid="trace-cards">
        {story && Rows && <Rows.TraceCards rows={story.rows} strings={strings} path={path} />}
      </ol>
    </section>
  );
}
