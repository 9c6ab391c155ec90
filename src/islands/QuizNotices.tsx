/** Notices about deep-link values the page ignored; values are shown as text only. */
import { useStore } from '@nanostores/preact';
import type { DeepLinkParam } from '../stores/deepLink.ts';
import { $linkProblems, dismissLinkProblems } from '../stores/notices.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { fill } from './fill.ts';

interface Props {
  readonly strings: LiveStrings['quiz'];
}

const help: Readonly<Record<DeepLinkParam, keyof LiveStrings['quiz']>> = {
  answer: 'helpAnswer',
  policy: 'helpPolicy',
  node: 'helpNode',
  seed: 'helpSeed',
  n: 'helpN',
};

const template = { invalid: 'noticeInvalid', repeated: 'noticeRepeated', tooLong: 'noticeTooLong' } as const;

/** The notices inside the quiz's polite live region; loaded only when a link had problems. */
export function QuizNotices({ strings }: Props) {
  const problems = useStore($linkProblems);
  return (
    <>
      {problems.length > 0 && (
        <div class="live-notice">
          <ul>
            {problems.map((p) => (
              <li key={p.param}>
                {fill(strings[template[p.reason]], { param: p.param, value: p.shown, help: strings[help[p.param]] })}
              </li>
            ))}
          </ul>
          <button type="button" class="live-button live-button--small" onClick={dismissLinkProblems}>
            {strings.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
