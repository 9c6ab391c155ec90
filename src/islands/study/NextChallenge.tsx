/**
 * The home page's call to action: the next challenge this reader has not solved, from this
 * browser's progress. The server renders the first challenge, so without JavaScript (or with
 * no progress) the page still says where to start.
 */
import { useStore } from '@nanostores/preact';
import { emptyProgress } from '../../stores/progress/data';
import { nextUnsolved } from '../../stores/progress/next';
import { $progress } from '../../stores/progress/progress';

/** One challenge as the link shows it; the label is already in the page's language. */
export interface NextChallengeEntry {
  readonly slug: string;
  readonly href: string;
  /** "Start with challenge 14: Bounce", used while the reader has no progress. */
  readonly startLabel: string;
  /** "Next for you: challenge 15, …", used once the reader has solved something. */
  readonly nextLabel: string;
}

interface Props {
  /** Every challenge in the site's order. */
  readonly entries: readonly NextChallengeEntry[];
  /** Shown when every challenge is solved. */
  readonly doneLabel: string;
  /** Where the "all solved" message links: the challenge list. */
  readonly listHref: string;
  readonly listLabel: string;
}

export default function NextChallenge({ entries, doneLabel, listHref, listLabel }: Props) {
  const progress = useStore($progress, { ssr: () => emptyProgress });
  const started = Object.keys(progress.challenges).length > 0;
  const slug = nextUnsolved(
    progress,
    entries.map((e) => e.slug),
  );
  if (slug === undefined) {
    return (
      <p class="next" data-testid="home-next" data-state="done">
        {doneLabel} <a href={listHref}>{listLabel}</a>
      </p>
    );
  }
  const entry = entries.find((e) => e.slug === slug) ?? entries[0];
  if (!entry) return null;
  return (
    <p class="next" data-testid="home-next" data-slug={entry.slug}>
      <a class="cta" href={entry.href}>
        {started ? entry.nextLabel : entry.startLabel}
      </a>
    </p>
  );
}
