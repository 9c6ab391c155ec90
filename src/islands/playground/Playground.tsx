/**
 * The playground island: the editor, the diagram, the run, the rules, the trace, the
 * comparison and sharing, all over one scenario store. The scenario comes from the share link
 * in the address bar (read after hydration, so the first render matches the server's HTML),
 * and every edit is written back to it.
 */
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { LiveStrings } from '../../i18n/live/index';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { DEFAULT_SCENARIO } from '../../playground/scenario';
import {
  $pgNotice,
  $pgRules,
  $pgRulesNode,
  $pgRun,
  $pgScenario,
  $pgStory,
  loadFromHash,
  syncHash,
} from '../../stores/playground';
import { useClientStore } from '../useClientStore';
import { CompareSection } from './CompareSection';
import { Diagram } from './Diagram';
import { Editor } from './Editor';
import { linkText, problemText } from './problemText';
import { PgRulesView } from './PgRulesView';
import { PgTraceView } from './PgTraceView';
import { RunPanel } from './RunPanel';
import { SharePanel } from './SharePanel';

interface Props {
  readonly strings: PlaygroundStrings;
  /** The lesson's rules and trace strings: the playground shows the same rules and trace views. */
  readonly live: Pick<LiveStrings, 'rules' | 'trace' | 'path'>;
  readonly locale: 'en' | 'ko';
}

export default function Playground({ strings, live, locale }: Props) {
  const scenario = useClientStore($pgScenario, DEFAULT_SCENARIO);
  const notice = useClientStore($pgNotice, null);
  const run = useStore($pgRun);
  const rules = useStore($pgRules);
  const rulesNode = useStore($pgRulesNode);
  const story = useStore($pgStory);
  useEffect(() => {
    loadFromHash(window.location.hash);
    const stop = syncHash();
    const onHash = () => loadFromHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      stop();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  // Runs settle a moment after an edit; until then the last run is shown as stale.
  const fresh = run.state === 'ready' && run.value.scenario === scenario ? run.value.report : null;
  const noticeText =
    notice === null
      ? ''
      : notice.kind === 'problem'
        ? problemText(strings, notice.problem)
        : notice.kind === 'link'
          ? linkText(strings, notice.error)
          : notice.text;
  return (
    <div class="pg" data-testid="playground" data-ready={fresh ? 'yes' : 'no'}>
      <div class="pg-notice" role="status" data-testid="pg-notice" data-kind={notice?.kind ?? ''}>
        {noticeText && (
          <p>
            {noticeText}{' '}
            <button type="button" class="live-button live-button--small" onClick={() => $pgNotice.set(null)}>
              {strings.link.dismiss}
            </button>
          </p>
        )}
      </div>
      <div class="pg-layout">
        <section class="pg-section pg-section--editor" aria-labelledby="pg-editor-heading">
          <h2 id="pg-editor-heading">{strings.editor.heading}</h2>
          <Editor scenario={scenario} strings={strings} />
        </section>
        <div class="pg-view">
          <Diagram scenario={scenario} report={fresh} strings={strings} locale={locale} />
          <RunPanel scenario={scenario} run={run} fresh={fresh !== null} strings={strings} locale={locale} />
        </div>
      </div>
      <CompareSection scenario={scenario} strings={strings} locale={locale} />
      <PgRulesView
        scenario={scenario}
        node={rulesNode}
        rules={rules}
        rows={story.state === 'ready' && 'rows' in story.value ? story.value.rows : null}
        strings={strings}
        live={live.rules}
        locale={locale}
      />
      <PgTraceView story={story} strings={strings} live={live} />
      <SharePanel scenario={scenario} strings={strings} locale={locale} />
    </div>
  );
}
