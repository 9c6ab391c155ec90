/**
 * The Korean checks shared by the unit test (string tables, MDX sources) and the browser test
 * (built pages as rendered): banned glossary variants, particles that do not fit the value
 * before them, broken quotes, and English UI words outside code. The rules come from
 * docs/glossary.md so that the glossary is the one place to change a term.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickParticle, type ParticlePair } from '../../src/text/particles';

/** One thing a reader would trip over, with what to do about it. */
export interface Finding {
  /** Which rule: banned-term, particle-after-placeholder, particle, unresolved-particle, quote, english. */
  readonly rule: string;
  /** The offending text, with a little context. */
  readonly text: string;
  /** What to write instead. */
  readonly fix: string;
}

/** A variant the glossary bans, and the term to use instead. */
interface Banned {
  readonly variant: string | RegExp;
  readonly use: string;
}

/** The glossary as the checks need it. */
export interface Glossary {
  readonly banned: readonly Banned[];
  readonly englishWords: ReadonlySet<string>;
}

/** Splits a markdown table row on unescaped pipes and unescapes `\|`. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Parses docs/glossary.md: the 피할 말 column of the terms table and the English UI word list. */
export function parseGlossary(markdown: string): Glossary {
  const lines = markdown.split('\n');
  const banned: Banned[] = [];
  const start = lines.findIndex((l) => l.startsWith('## Terms'));
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|') || /^\|\s*(English|---)/.test(line)) continue;
    const [, korean = '', avoid = ''] = cells(line);
    for (const raw of avoid.split(/,\s+(?=(?:[^`]*`[^`]*`)*[^`]*$)/)) {
      const text = raw.trim().replace(/^`|`$/g, '');
      if (text === '') continue;
      const regex = /^\/(.+)\/$/.exec(text);
      banned.push({ variant: regex ? new RegExp(regex[1]!, 'g') : text, use: korean });
    }
  }
  const wordsAt = lines.findIndex((l) => l.startsWith('## English UI words'));
  const para: string[] = [];
  let inList = false;
  for (const line of lines.slice(wordsAt + 1)) {
    if (!inList && /^[a-z]+,/.test(line)) inList = true;
    if (inList) {
      if (line.trim() === '') break;
      para.push(line);
    }
  }
  const englishWords = new Set(
    para
      .join(' ')
      .split(/[,.]\s*/)
      .map((w) => w.trim().toLowerCase())
      .filter((w) => /^[a-z]+$/.test(w)),
  );
  return { banned, englishWords };
}

/** The project's glossary, read once. */
export const glossary: Glossary = parseGlossary(readFileSync(join(process.cwd(), 'docs', 'glossary.md'), 'utf8'));

/** Particles whose form depends on the final consonant, and the pair each belongs to. */
const PARTICLES: ReadonlyArray<readonly [string, ParticlePair]> = [
  ['으로', '으로/로'],
  ['이나', '이나/나'],
  ['이라', '이라/라'],
  ['은', '은/는'],
  ['는', '은/는'],
  ['이', '이/가'],
  ['가', '이/가'],
  ['을', '을/를'],
  ['를', '을/를'],
  ['과', '와/과'],
  ['와', '와/과'],
  ['로', '으로/로'],
  ['나', '이나/나'],
  ['라', '이라/라'],
];
const PARTICLE = `(?:${PARTICLES.map(([p]) => p).join('|')})`;
/** What may follow a particle and still be one word: 으로는, 과의, 이라는, 로도. */
const AFTER = '(?:는|도|의|서|써|만|부터)?(?![가-힣])';
const CLOSE = '[”"’\'\\)\\]」』]*';

const PLACEHOLDER_PARTICLE = new RegExp(`\\{\\w+\\}${CLOSE}(${PARTICLE})(?!\\()${AFTER}`, 'g');
/** A value a reader cannot pronounce as Korean, right before a particle: pod-1를, 30080로, “50%”는. */
const VALUE_PARTICLE = new RegExp(`([A-Za-z0-9._:/%-]*[0-9%]${CLOSE})(${PARTICLE})${AFTER}`, 'g');
const DOUBLE_FORM =
  /을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로|\(이\)나|\(이\)라/g;

/** A little context around a match, for a message a person can act on. */
function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 12), Math.min(text.length, index + length + 12)).replace(/\s+/g, ' ');
}

/**
 * Text without what may stay English: parenthesised glosses right after a word (`사용
 * 중단(deprecated)`) and quoted literal output (“connection refused”, a rule's comment).
 */
function withoutGlosses(text: string): string {
  // Backtick spans are code even where a page has not rendered them as code yet.
  return text.replace(/(?<=\S)\([^()]*\)|“[\x20-\x7e]+”|"[\x20-\x7e]+"|`[^`]+`/g, (m) => ' '.repeat(m.length));
}

/** Where a check runs: a string table with `{placeholders}`, an MDX source, or text as a reader sees it. */
export type LintMode = 'template' | 'mdx' | 'rendered';

/** Every problem in one piece of Korean text. */
export function lintKorean(text: string, mode: LintMode, rules: Glossary = glossary): Finding[] {
  const found: Finding[] = [];
  for (const { variant, use } of rules.banned) {
    if (typeof variant === 'string') {
      let at = text.indexOf(variant);
      while (at >= 0) {
        found.push({
          rule: 'banned-term',
          text: around(text, at, variant.length),
          fix: `write “${use}” instead of “${variant}” (docs/glossary.md)`,
        });
        at = text.indexOf(variant, at + variant.length);
      }
    } else {
      for (const m of text.matchAll(variant)) {
        found.push({
          rule: 'banned-term',
          text: around(text, m.index, m[0].length),
          fix: `write “${use}” instead of “${m[0]}” (docs/glossary.md)`,
        });
      }
    }
  }
  if (mode !== 'rendered') {
    for (const m of text.matchAll(PLACEHOLDER_PARTICLE)) {
      // `값({allowed})이`, `노드포트({ip}:{port})로`: a particle after a parenthesis belongs to the
      // word before the parenthesis, so only a placeholder right before "(" is a problem.
      const closers = m[0].slice(m[0].indexOf('}') + 1, m[0].length - (m[1] ?? '').length);
      if (closers.includes(')')) {
        const open = text.lastIndexOf('(', m.index);
        if (open >= 0 && !text.slice(0, open).endsWith('}')) continue;
      }
      found.push({
        rule: 'particle-after-placeholder',
        text: around(text, m.index, m[0].length),
        fix: `no “${m[1]}” right after a placeholder: rephrase ({port}번 노드포트를) or write the double form ({pod}을(를), {node}(으)로)`,
      });
    }
  } else {
    for (const m of text.matchAll(DOUBLE_FORM)) {
      found.push({
        rule: 'unresolved-particle',
        text: around(text, m.index, m[0].length),
        fix: 'fill the string with fill()/format(), which pick the particle',
      });
    }
  }
  // Outside placeholders, a literal value before a particle must get the particle its reading takes.
  const literal = mode !== 'rendered' ? text.replace(/\{\w+\}/g, '값') : text;
  for (const m of literal.matchAll(VALUE_PARTICLE)) {
    const [, value = '', particle = ''] = m;
    const pair = PARTICLES.find(([p]) => p === particle)![1];
    const right = pickParticle(literal.slice(0, m.index + value.length), pair);
    if (right !== particle) {
      found.push({
        rule: 'particle',
        text: around(literal, m.index, m[0].length),
        fix: `“${value}” takes “${right}”, not “${particle}”`,
      });
    }
  }
  if (mode === 'mdx') {
    for (const m of text.matchAll(/"[^"\n]*"(?=[가-힣])/g)) {
      found.push({
        rule: 'quote',
        text: around(text, m.index, m[0].length),
        fix: 'the typographer turns a " before Hangul into an opening quote: write “…” yourself',
      });
    }
  }
  for (const m of text.matchAll(/“[^”“\n]*“/g)) {
    found.push({ rule: 'quote', text: around(text, m.index, m[0].length), fix: 'close the quotation with ”' });
  }
  const plain = withoutGlosses(mode !== 'rendered' ? text.replace(/\{\w+\}/g, ' ') : text);
  for (const m of plain.matchAll(/(?<![\w./:@#$-])[A-Za-z]+(?![\w./:@-])/g)) {
    if (rules.englishWords.has(m[0].toLowerCase())) {
      found.push({
        rule: 'english',
        text: around(plain, m.index, m[0].length),
        fix: `translate the English word “${m[0]}” (docs/glossary.md lists the Korean terms)`,
      });
    }
  }
  return found;
}

/** One line per finding: where, what, the text and the fix. */
export function describeFindings(where: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${where}: [${f.rule}] “${f.text}” → ${f.fix}`);
}

/**
 * The prose of a Korean MDX file with everything that is not prose blanked out (frontmatter
 * keys, code fences, inline code, imports, JSX, link targets), keeping line numbers.
 */
export function mdxProse(source: string): string[] {
  const lines = source.split('\n');
  let fence = false;
  let comment = false;
  let front = 0;
  let listKey = '';
  return lines.map((line, i) => {
    if (i === 0 && line === '---') {
      front = 1;
      return '';
    }
    if (front === 1) {
      if (line === '---') {
        front = 2;
        return '';
      }
      // Frontmatter: only the text values a reader sees (lists of hints are "- text" lines).
      if (/^\S/.test(line)) listKey = /^(\w+):\s*$/.exec(line)?.[1] ?? '';
      const value =
        /^\s*(?:-\s+)?(?:title|description|question|text)\s*:\s*(.*)$/.exec(line) ??
        (listKey === 'hints' ? /^\s*-\s+(.*)$/.exec(line) : null);
      return value ? (value[1] ?? '').replace(/^['"]|['"]$/g, '').replace(/`[^`]*`/g, ' ') : '';
    }
    if (/^\s*```/.test(line)) {
      fence = !fence;
      return '';
    }
    if (fence) return '';
    if (comment || /^\s*\{\/\*/.test(line)) {
      comment = !/\*\/\}\s*$/.test(line);
      return '';
    }
    if (/^\s*(?:import|export)\s/.test(line) || /^\s*<[A-Za-z/]/.test(line)) return '';
    return line
      .replace(/`[^`]*`/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/<[^>]+>/g, ' ');
  });
}
