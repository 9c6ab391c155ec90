/** The dump's problems: line number (a link to the line), error or note, message, offending text. */
import type { TraceStrings } from '../../i18n/trace/index';
import type { ProblemView } from '../../workers/trace/protocol';
import { displayLine } from './display';
import { fill } from '../fill';
import { count } from '../numbers';
import { LineLink } from './LineLink';
import { RuleMessage } from './ruleMessage';

interface Props {
  readonly problems: readonly ProblemView[];
  readonly omitted: number;
  readonly strings: TraceStrings['problems'];
  readonly locale: string;
}

export function Problems({ problems, omitted, strings, locale }: Props) {
  if (problems.length === 0) return null;
  const total = problems.length + omitted;
  return (
    <section class="trace-section" aria-labelledby="trace-problems-heading">
      <h3 id="trace-problems-heading">{fill(strings.heading, { n: count(locale, total) })}</h3>
      <p>{strings.lead}</p>
      <ol class="trace-problems" data-testid="trace-problems">
        {problems.map((p, i) => (
          <li key={i} class={`trace-problem trace-problem--${p.level}`} data-line={p.line}>
            {p.line > 0 ? (
              <LineLink line={p.line} label={strings.line} title={strings.show} />
            ) : (
              <span>{strings.noLine}</span>
            )}{' '}
            <span class="trace-badge">{p.level === 'error' ? strings.error : strings.note}</span>{' '}
            <span class="trace-problem__message">
              <RuleMessage message={p.message} locale={locale} />
            </span>
            <code class="trace-problem__text">{displayLine(p.text, 300).text}</code>
          </li>
        ))}
      </ol>
      {omitted > 0 && <p>{fill(strings.more, { n: count(locale, omitted) })}</p>}
    </section>
  );
}
