/**
 * The lesson's trace view: the shared TracePanel over the lesson's sample connection ($story),
 * with "show another connection" drawing the next sample.
 */
import { showAnotherConnection, $story } from '../stores/story';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { TracePanel } from './TracePanel';
import { useClientStore } from './useClientStore';

interface Props {
  readonly strings: LiveStrings['trace'];
  readonly path: LiveStrings['path'];
}

export default function TraceView({ strings, path }: Props) {
  const loaded = useClientStore($story, { state: 'loading' });
  const story = loaded.state === 'ready' ? loaded.value : null;
  const n = story ? story.sample + 1 : 1;
  return (
    <TracePanel
      rows={story ? story.rows : null}
      n={n}
      summary={story ? fill(strings[story.summary.key], { n, ...story.summary.values }) : strings.loading}
      outcome={story?.outcome ?? ''}
      onAnother={showAnotherConnection}
      strings={strings}
      path={path}
      lead={strings.lead}
      level={4}
    />
  );
}
