/**
 * The caption under the live diagram: which hop of the sample connection is shown ("Step 2
 * of 5"), what happens there in words, and Back / Next / Replay, so a reader can follow the
 * connection one step at a time (the only way with reduced motion).
 */
import { Text } from './Text';
import type { ConnectionStory } from '../stores/lab/types';
import type { LiveStrings } from '../i18n/live/index';
import type { Hop } from './diagramHops';
import { fill } from './fill';

interface Props {
  readonly hops: readonly Hop[];
  readonly step: number;
  readonly story: ConnectionStory | null;
  /** A run exists, but for other controls: the next one will be drawn. */
  readonly waiting: boolean;
  readonly playing: boolean;
  readonly reduced: boolean;
  readonly strings: LiveStrings['diagram'];
  readonly path: LiveStrings['path'];
  /** Shows hop `to`; `auto` plays on from there. */
  readonly onStep: (to: number, auto?: boolean) => void;
}

/** The sentences of one hop. */
function sentences(
  hop: Hop,
  story: ConnectionStory,
  strings: LiveStrings['diagram'],
  path: LiveStrings['path'],
): string[] {
  if (hop.kind === 'reply') {
    const arrive = story.narration.find((n) => n.key.startsWith('arrive'));
    return [fill(strings.reply, { src: arrive?.values['src'] ?? '', dst: arrive?.values['dst'] ?? '' })];
  }
  return hop.say.map((line) => fill(path[line.key], line.values));
}

export function HopCaption({ hops, step, story, waiting, playing, reduced, strings, path, onStep }: Props) {
  const hop = hops[step];
  if (!story || !hop) {
    return (
      <p class="live-hop live-hop--empty" data-testid="diagram-caption">
        {waiting ? strings.waiting : ''}
      </p>
    );
  }
  const last = hops.length - 1;
  return (
    <div class="live-hop" data-testid="diagram-caption" data-kind={hop.kind}>
      {/* Announced when the reader steps; silent while it plays by itself. */}
      <p class="live-hop__text" aria-live={playing ? 'off' : 'polite'}>
        <strong class="live-hop__count">{fill(strings.stepOf, { i: step + 1, n: hops.length })}</strong>{' '}
        <Text>{sentences(hop, story, strings, path).join(' ')}</Text>
      </p>
      <div class="live-hop__buttons">
        <button
          type="button"
          class="live-button live-button--small"
          disabled={step === 0}
          onClick={() => onStep(step - 1)}
          data-testid="diagram-back"
        >
          {strings.back}
        </button>
        <button
          type="button"
          class="live-button live-button--small"
          disabled={step === last}
          onClick={() => onStep(step + 1)}
          data-testid="diagram-next"
        >
          {strings.next}
        </button>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => onStep(0, !reduced)}
          data-testid="diagram-replay"
        >
          {reduced ? strings.restart : strings.replay}
        </button>
      </div>
    </div>
  );
}
