/**
 * One challenge's progress on the challenge list: answered or not, first answer, best run,
 * hints opened. Read from this browser's storage only, so the server renders nothing.
 */
import { useStore } from '@nanostores/preact';
import { emptyProgress } from '../../stores/progress/data';
import { $progress, progressOf } from '../../stores/progress/progress';
import { fill } from '../fill';
import { count } from '../numbers';

/** The words, with {option}, {n} placeholders left in. */
export interface ChallengeStatusStrings {
  readonly notYet: string;
  readonly firstRight: string;
  readonly firstWrong: string;
  readonly bestRight: string;
  readonly bestWrong: string;
  readonly hints: string;
}

interface Props {
  readonly slug: string;
  readonly strings: ChallengeStatusStrings;
  /** The page's language, for number formatting. */
  readonly locale: string;
}

export default function ChallengeStatus({ slug, strings, locale }: Props) {
  const progress = useStore($progress, { ssr: () => emptyProgress });
  // A reader who has not started anywhere sees the plain list.
  if (Object.keys(progress.challenges).length === 0) return <p class="status" data-testid={`status-${slug}`} hidden />;
  const entry = progressOf(progress, slug);
  const parts: string[] = [];
  if (entry.first) {
    const template = entry.first.right ? strings.firstRight : strings.firstWrong;
    parts.push(fill(template, { option: entry.first.answer.toUpperCase() }));
  } else {
    parts.push(strings.notYet);
  }
  if (entry.best) {
    const template = entry.best.right ? strings.bestRight : strings.bestWrong;
    parts.push(fill(template, { n: count(locale, entry.best.total) }));
  }
  if (entry.hints > 0) parts.push(fill(strings.hints, { n: entry.hints }));
  const state = entry.first ? (entry.first.right ? 'right' : 'wrong') : 'open';
  return (
    <p class={`status status--${state}`} data-testid={`status-${slug}`} data-state={state}>
      {parts.join(' · ')}
    </p>
  );
}
