/**
 * The cluster diagram, live: the same geometry as the static figure (components/diagram),
 * the last run's routes and per-pod counters, and one sample connection followed hop by hop
 * along the path the engine walked, with a caption per hop. It plays after a run and on
 * Replay; with reduced motion the same hops are shown one per press of Next, without motion.
 * It only ever shows the last run: while the controls differ from it, no sample is drawn.
 */
import { Text } from './Text';
import { useEffect, useState } from 'preact/hooks';
import {
  layoutCluster,
  nodePortBadges,
  routePath,
  type DiagramCluster,
  type Orientation,
} from '../components/diagram/layout';
import { $lastRun } from '../stores/lastRun';
import { entryNodeOf, shortNode } from '../stores/entry';
import { $lesson } from '../stores/lesson';
import { $scenario } from '../stores/scenario';
import { $story } from '../stores/story';
import type { LiveStrings } from '../i18n/live/index';
import { DiagramDrawing, type DiagramWords } from './DiagramDrawing';
import type { Hop } from './diagramHops';
import { failedCount, runMatches, runRoutes } from './diagramRoutes';
import { MOVE_MS } from './diagramTiming';
import { fill } from './fill';
import { useClientStore } from './useClientStore';
import { useLazy } from './useLazy';

export type { DiagramWords } from './DiagramDrawing';

interface Props {
  /** The cluster to draw (the site's diagram data, passed as props). */
  readonly cluster: DiagramCluster;
  readonly strings: LiveStrings['diagram'];
  readonly path: LiveStrings['path'];
  readonly words: DiagramWords;
  readonly locale: string;
  /** The settings as the scenario file has them (what the server draws). */
  readonly initial: {
    readonly policy: string;
    readonly node: string;
    readonly settings: Readonly<Record<string, string>>;
  };
}

// The sample's code (hops, dot, caption) arrives once a run has been drawn, with the engine.
const loadSample = () => import('./LiveSample');

const orientations = ['wide', 'tall'] as const satisfies readonly Orientation[];

/** How long a hop's caption stays before the next hop plays, after the dot arrives. */
const DWELL_MS = 1500;

const legend = [
  ['request', 'legendRequest'],
  ['local', 'legendLocal'],
  ['forwarded', 'legendForwarded'],
  ['dropped', 'legendDropped'],
] as const;

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(true);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/** Which hop is shown, whether it plays on by itself, and a counter that restarts the motion. */
interface Playback {
  readonly key: string;
  readonly step: number;
  readonly auto: boolean;
  readonly n: number;
}

export default function LiveDiagram(props: Props) {
  const { strings, path, cluster, locale } = props;
  const settings = useClientStore($scenario, props.initial.settings);
  const lesson = useClientStore($lesson, null);
  const scenario = settings;
  const entry = lesson ? entryNodeOf(lesson, settings) : props.initial.node;
  const policy = lesson?.controls.some((c) => c.id === 'policy') ? (settings['policy'] ?? '') : props.initial.policy;
  const run = useClientStore($lastRun, null);
  const loaded = useClientStore($story, { state: 'loading' });
  const reduced = useReducedMotion();
  const shown = runMatches(scenario, run) ? run : null;
  const Sample = useLazy(shown !== null, loadSample);
  const story = Sample && shown && loaded.state === 'ready' ? loaded.value : null;
  const receiving = entry;
  const layouts = orientations.map((o) => layoutCluster(cluster, o));
  const hopsBy = layouts.map((layout) => (story && Sample ? Sample.sampleHops(layout, story) : []));
  const hops: readonly Hop[] = hopsBy[0] ?? [];
  const last = Math.max(0, hops.length - 1);
  const storyKey =
    story && shown ? `${shown.seed}/${JSON.stringify(shown.scenario)}/${story.sample}/${story.sport}` : '';

  const [play, setPlay] = useState<Playback>({ key: '', step: 0, auto: false, n: 0 });
  // A new sample (a new run, another connection, or the diagram first coming into view):
  // play it from the first hop; with reduced motion, wait at the first hop for Next.
  if (storyKey !== play.key) setPlay({ key: storyKey, step: 0, auto: storyKey !== '' && !reduced, n: play.n + 1 });
  // The preference is read after hydration: a sample that arrived first starts playing then.
  useEffect(() => {
    if (!reduced && play.key && play.step === 0 && !play.auto) setPlay((p) => ({ ...p, auto: true, n: p.n + 1 }));
  }, [reduced]);
  const step = Math.min(play.step, last);
  useEffect(() => {
    if (!play.auto || step >= last) return;
    const timer = setTimeout(() => setPlay((p) => ({ ...p, step: p.step + 1, n: p.n + 1 })), MOVE_MS + DWELL_MS);
    return () => clearTimeout(timer);
  }, [play]);
  useEffect(() => {
    if (play.auto && step >= last) {
      const timer = setTimeout(() => setPlay((p) => ({ ...p, auto: false })), MOVE_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [play]);

  const go = (to: number, auto = false) =>
    setPlay((p) => ({ ...p, step: Math.max(0, Math.min(last, to)), auto: auto && !reduced, n: p.n + 1 }));
  const snatSay = story?.narration.find((n) => n.key === 'masq');
  const snat = snatSay ? fill(strings.snat, { src: snatSay.values['src'] ?? '' }) : null;
  const playKey = `${play.key}#${play.n}`;
  const destination = story ? (story.pod ?? story.outcome) : '';
  return (
    <figure
      class="diagram live-diagram"
      data-testid="live-diagram"
      data-motion={reduced ? 'steps' : 'animate'}
      data-step={story ? step : ''}
      data-steps={hops.length}
      data-playing={play.auto ? 'true' : 'false'}
      data-destination={destination}
    >
      {layouts.map((layout, i) => (
        <DiagramDrawing
          key={layout.orientation}
          layout={layout}
          cluster={cluster}
          words={props.words}
          title={fill(strings.title, { policy, node: shortNode(entry) })}
          desc={fill(strings.desc, { node: shortNode(entry) })}
          receiving={receiving}
          routes={runRoutes(entry, scenario, run).map((r) => routePath(layout, r))}
          counts={shown ? shown.counts : null}
          counter={strings.counter}
          noRun={strings.noRun}
          clientPod={strings.clientPod}
          dropped={strings.dropped}
          droppedCount={shown ? failedCount(shown) : 0}
          locale={locale}
        >
          {story && Sample && (
            <Sample.SampleLayer
              layout={layout}
              hops={hopsBy[i] ?? []}
              step={step}
              animate={!reduced}
              playKey={playKey}
              snat={snat}
              // Like the routes, the sample's lines go around the badges rather than through their text.
              badges={nodePortBadges(layout, cluster)}
            />
          )}
        </DiagramDrawing>
      ))}
      <figcaption class="diagram__caption">
        {Sample ? (
          <Sample.HopCaption
            hops={hops}
            step={step}
            story={story}
            waiting={run !== null && shown === null}
            playing={play.auto}
            reduced={reduced}
            strings={strings}
            path={path}
            onStep={go}
          />
        ) : (
          <p class="live-hop live-hop--empty" data-testid="diagram-caption">
            {run !== null && shown === null ? strings.waiting : ''}
          </p>
        )}
        <ul class="diagram__legend">
          {legend.map(([kind, key]) => (
            <li key={kind}>
              <svg class="diagram__swatch" viewBox="0 0 28 10" aria-hidden="true">
                <path class={`route route--${kind}`} d="M1 5 L27 5" />
              </svg>
              {strings[key]}
            </li>
          ))}
        </ul>
        {/* The whole path in words, for screen readers. */}
        <div class="sr-only">
          <p>{strings.narration}</p>
          <ol data-testid="narration">
            {story?.narration.map((line, i) => (
              <li key={i}>
                <Text>{fill(path[line.key], line.values)}</Text>
              </li>
            ))}
          </ol>
        </div>
      </figcaption>
    </figure>
  );
}
