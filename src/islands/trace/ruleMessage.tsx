/**
 * A rule reader's message in the page's language. The engine writes its messages in English
 * (the CLI and the tests read them); on a Korean page each is matched against the engine's
 * templates and rewritten from the Korean table, values and all. A message inside a message
 * (`-m statistic: --mode random needs --probability`) is translated too. One the table does
 * not know is shown as a literal engine message, in code, never as a Korean sentence.
 */
import { ruleMessagesKo } from '../../i18n/trace/ruleMessagesKo';
import { fill } from '../fill';
import { Code } from './Code';

interface Template {
  readonly pattern: RegExp;
  readonly ko: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let compiled: readonly Template[] | undefined;

/** The templates as patterns, the most specific (the most fixed text) first. */
function templates(): readonly Template[] {
  compiled ??= Object.entries(ruleMessagesKo)
    .map(([en, ko]) => {
      const fixed = en.split(/\{\d+\}/);
      return {
        pattern: new RegExp(`^${fixed.map(escape).join('([\\s\\S]*?)')}$`),
        ko,
        weight: fixed.join('').length,
      };
    })
    .sort((a, b) => b.weight - a.weight);
  return compiled;
}

/** The Korean of `message` with backticked code, or null when no template fits. */
export function koreanRuleMessage(message: string, depth = 0): string | null {
  if (depth > 3) return null;
  for (const { pattern, ko } of templates()) {
    const m = pattern.exec(message);
    if (m === null) continue;
    const values: Record<string, string> = {};
    m.slice(1).forEach((value, i) => {
      // A value that is itself a message reads in Korean too; any other value is the reader's
      // own text, whose backticks must not open a code span.
      values[String(i)] = (/\s/.test(value) ? koreanRuleMessage(value, depth + 1) : null) ?? value.replace(/`/g, "'");
    });
    return fill(ko, values);
  }
  return null;
}

/** A rule reader's message as the page shows it: English as written, Korean translated, or the raw message as code. */
export function RuleMessage({ message, locale }: { readonly message: string; readonly locale: string }) {
  if (locale !== 'ko') return <>{message}</>;
  const ko = koreanRuleMessage(message);
  return ko === null ? <code lang="en">{message}</code> : <Code text={ko} />;
}
