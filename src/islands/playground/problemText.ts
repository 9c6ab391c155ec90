/** A scenario problem, a rejected link or an import's fit problem in the reader's language. */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { DecodeError } from '../../playground/codec';
import type { ScenarioProblem } from '../../playground/validate';
import { fill } from '../fill';

type Code = keyof PlaygroundStrings['problems'];

/** The sentence for a problem of the editor, a link or an import. */
export function problemText(
  strings: PlaygroundStrings,
  problem: { readonly code: string; readonly values: ScenarioProblem['values'] },
): string {
  const template = strings.problems[problem.code as Code] ?? problem.code;
  const kind = problem.values['kind'];
  // The client's kind is a value of the scenario (pod, node, external): say it in the page's words.
  const kinds: Readonly<Record<string, string>> = strings.clientKinds;
  const values =
    typeof kind === 'string' && kinds[kind] !== undefined ? { ...problem.values, kind: kinds[kind] } : problem.values;
  return fill(template, values);
}

/** The sentence for a share link that could not be read. */
export function linkText(strings: PlaygroundStrings, error: DecodeError): string {
  const l = strings.link;
  switch (error.reason) {
    case 'version':
      return fill(l.version, { version: error.version });
    case 'field':
      return fill(l.field, { field: error.field });
    case 'invalid':
      return fill(l.invalid, {
        detail: error.problems.map((p) => `${p.field}: ${problemText(strings, p)}`).join('; '),
      });
    default:
      return l[error.reason];
  }
}
