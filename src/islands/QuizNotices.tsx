/** Notices: deep-link values the page ignored, a stored run it discarded. Values are shown as escaped text only. */
import { useStore } from '@nanostores/preact';
import { $lesson } from '../stores/lesson';
import { $discardedRun, $linkProblems, dismissLinkProblems } from '../stores/notices';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';

interface Props {
  readonly strings: LiveStrings['quiz'];
}

const fixedHelp = { answer: 'helpAnswer', seed: 'helpSeed', n: 'helpN' } as const;

const template = { invalid: 'noticeInvalid', repeated: 'noticeRepeated', tooLong: 'noticeTooLong' } as const;

/** The notices inside the quiz's polite live region; loaded only when there is one. */
export function QuizNotices({ strings }: Props) {
  const problems = useStore($linkProblems);
  const discarded = useStore($discardedRun);
  const lesson = useStore($lesson);
  const help = (param: string): string => {
    if (param in fixedHelp) return strings[fixedHelp[param as keyof typeof fixedHelp]];
    const control = lesson?.controls.find((c) => c.id === param);
    return control ? fill(strings.helpControl, { values: control.values.join(', ') }) : '';
  };
  if (problems.length === 0 && !discarded) return null;
  return (
    <div class="live-notice" data-testid="notice">
      <ul>
        {discarded && <li data-testid="notice-discarded">{strings.discarded}</li>}
        {problems.map((p) => (
          <li key={p.param}>
            {fill(strings[template[p.reason]], { param: p.param, value: p.shown, help: help(p.param) })}
          </li>
        ))}
      </ul>
      <button type="button" class="live-button live-button--small" onClick={dismissLinkProblems}>
        {strings.dismiss}
      </button>
    </div>
  );
}
