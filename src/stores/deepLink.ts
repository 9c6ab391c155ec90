/**
 * Newsletter deep links: `?answer=b&seed=42&policy=Local&node=3&n=10000`. Every parameter is
 * parsed strictly; a value that does not parse is reported (never guessed, never echoed as
 * HTML) and the rest of the link still works. Parameters this page does not own (utm_*, …)
 * are left alone without a word.
 */
import { deepLinkParams, type DeepLinkParam } from './deepLinkParams.ts';
import {
  nodeNumbers,
  optionIds,
  policies,
  runSizes,
  type NodeNumber,
  type OptionId,
  type Policy,
  type RunSize,
} from './model.ts';

export { deepLinkParams, type DeepLinkParam } from './deepLinkParams.ts';

/** Why a parameter was ignored. */
export type ProblemReason = 'invalid' | 'repeated' | 'tooLong';

/** A parameter the page ignored, with a shortened copy of the value for the notice. */
export interface DeepLinkProblem {
  readonly param: DeepLinkParam;
  readonly reason: ProblemReason;
  /** The value as text, cut to MAX_SHOWN characters; shown as text, never as markup. */
  readonly shown: string;
}

/** What a link asked for: only the parameters that parsed. */
export interface DeepLinkValues {
  readonly answer?: OptionId;
  readonly policy?: Policy;
  readonly node?: NodeNumber;
  readonly seed?: number;
  readonly n?: RunSize;
}

/** The parsed link. `asked` is true when any of our parameters was present, valid or not. */
export interface DeepLink {
  readonly values: DeepLinkValues;
  readonly problems: readonly DeepLinkProblem[];
  readonly asked: boolean;
}

/** Values longer than this are refused before any parsing (no legitimate value is). */
const MAX_LENGTH = 32;
/** How much of a bad value the notice repeats. */
const MAX_SHOWN = 24;
/** The largest seed createRng takes without wrapping. */
const MAX_SEED = 0xffff_ffff;

type Parsers = { readonly [K in DeepLinkParam]-?: (raw: string) => DeepLinkValues[K] | undefined };

const parsers: Parsers = {
  answer: (raw) => optionIds.find((id) => id === raw),
  // Kubernetes spells them "Cluster" and "Local"; lower case is what people type.
  policy: (raw) => policies.find((p) => p === raw || p.toLowerCase() === raw),
  node: (raw) => nodeNumbers.find((n) => raw === String(n) || raw === `node-${n}`),
  seed: (raw) => {
    if (!/^(0|[1-9][0-9]{0,9})$/.test(raw)) return undefined;
    const seed = Number(raw);
    return seed <= MAX_SEED ? seed : undefined;
  },
  n: (raw) => runSizes.find((size) => raw === String(size)),
};

/** A value cut short for display, with control characters made visible. */
function shown(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return [...printable].length > MAX_SHOWN ? `${[...printable].slice(0, MAX_SHOWN).join('')}…` : printable;
}

/** Parses a location.search string ("?a=b…" or "a=b…"). Never throws. */
export function parseDeepLink(search: string): DeepLink {
  const params = new URLSearchParams(search);
  const values: { -readonly [K in DeepLinkParam]?: DeepLinkValues[K] } = {};
  const problems: DeepLinkProblem[] = [];
  let asked = false;
  for (const param of deepLinkParams) {
    const all = params.getAll(param);
    if (all.length === 0) continue;
    asked = true;
    const raw = all[0] ?? '';
    if (all.length > 1) {
      problems.push({ param, reason: 'repeated', shown: shown(all.join(', ')) });
    } else if (raw.length > MAX_LENGTH) {
      problems.push({ param, reason: 'tooLong', shown: shown(raw) });
    } else {
      const value = parsers[param](raw);
      if (value === undefined) problems.push({ param, reason: 'invalid', shown: shown(raw) });
      else (values as Record<DeepLinkParam, unknown>)[param] = value;
    }
  }
  return { values, problems, asked };
}

/** The query string that replays a run: the inverse of parseDeepLink for valid values. */
export function deepLinkQuery(values: DeepLinkValues): string {
  const params = new URLSearchParams();
  for (const param of deepLinkParams) {
    const value = values[param];
    if (value !== undefined) params.set(param, String(value));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
