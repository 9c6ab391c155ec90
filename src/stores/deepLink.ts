/**
 * Newsletter deep links: `?answer=b&seed=42&n=10000` plus one parameter per control of the
 * lesson (`policy=Local&node=node-3`). Every parameter is parsed strictly; a value that does
 * not parse is reported (never guessed, never echoed raw: control and bidi characters are
 * shown escaped) and the rest of the link still works. Parameters this page does not own
 * (utm_*, …) are left alone without a word.
 */
import type { Control } from '../engine/lab/controls';
import { escapeText } from '../text/inert';
import { deepLinkParams, type DeepLinkParam } from './deepLinkParams';
import { optionIds, runSizes, type OptionId, type RunSize, type Scenario } from './model';

export { deepLinkParams, type DeepLinkParam } from './deepLinkParams';

/** Why a parameter was ignored. */
export type ProblemReason = 'invalid' | 'repeated' | 'tooLong';

/** A parameter the page ignored, with a shortened, escaped copy of the value for the notice. */
export interface DeepLinkProblem {
  readonly param: DeepLinkParam;
  readonly reason: ProblemReason;
  /** The value as text, control and formatting characters escaped (U+202E), cut short. */
  readonly shown: string;
}

/** What a link asked for: only the parameters that parsed. */
export interface DeepLinkValues {
  readonly answer?: OptionId;
  readonly seed?: number;
  readonly n?: RunSize;
  /** Control id → value, for the controls the link set. */
  readonly settings?: Scenario;
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

const fixed: Readonly<Record<(typeof deepLinkParams)[number], (raw: string) => unknown>> = {
  answer: (raw) => optionIds.find((id) => id === raw),
  seed: (raw) => {
    if (!/^(0|[1-9][0-9]{0,9})$/.test(raw)) return undefined;
    const seed = Number(raw);
    return seed <= MAX_SEED ? seed : undefined;
  },
  n: (raw) => runSizes.find((size) => raw === String(size)),
};

/**
 * A control's value from a link: exactly as offered, in any letter case ("local"), or for
 * entry nodes the node's number ("3" for "node-3", as bounce's first links wrote it).
 */
function controlValue(control: Control, raw: string): string | undefined {
  const lower = raw.toLowerCase();
  return (
    control.values.find((v) => v === raw) ??
    control.values.find((v) => v.toLowerCase() === lower) ??
    (control.kind === 'entryNode' && /^[0-9]{1,3}$/.test(raw)
      ? control.values.find((v) => v.endsWith(`-${raw}`))
      : undefined)
  );
}

/** A value cut short for display, with control and formatting characters escaped. */
function shown(raw: string): string {
  return escapeText(raw, MAX_SHOWN);
}

/** The parameters a link may carry for these controls, in the order problems are reported. */
export function linkParams(controls: readonly Control[]): string[] {
  return [deepLinkParams[0], ...controls.map((c) => c.id), ...deepLinkParams.slice(1)];
}

/** Parses a location.search string ("?a=b…" or "a=b…") for a lesson with `controls`. Never throws. */
export function parseDeepLink(search: string, controls: readonly Control[]): DeepLink {
  const params = new URLSearchParams(search);
  const values: { answer?: OptionId; seed?: number; n?: RunSize; settings?: Record<string, string> } = {};
  const problems: DeepLinkProblem[] = [];
  let asked = false;
  for (const param of linkParams(controls)) {
    const all = params.getAll(param);
    if (all.length === 0) continue;
    asked = true;
    const raw = all[0] ?? '';
    if (all.length > 1) {
      problems.push({ param, reason: 'repeated', shown: shown(all.join(', ')) });
      continue;
    }
    if (raw.length > MAX_LENGTH) {
      problems.push({ param, reason: 'tooLong', shown: shown(raw) });
      continue;
    }
    const control = controls.find((c) => c.id === param);
    const value = control ? controlValue(control, raw) : fixed[param as keyof typeof fixed](raw);
    if (value === undefined) problems.push({ param, reason: 'invalid', shown: shown(raw) });
    else if (control) values.settings = { ...values.settings, [param]: value as string };
    else (values as Record<string, unknown>)[param] = value;
  }
  return { values, problems, asked };
}

/** The query string that replays a run: the inverse of parseDeepLink for valid values. */
export function deepLinkQuery(values: DeepLinkValues, controls: readonly Control[]): string {
  const params = new URLSearchParams();
  if (values.answer !== undefined) params.set('answer', values.answer);
  for (const c of controls) {
    const v = values.settings?.[c.id];
    if (v !== undefined) params.set(c.id, v);
  }
  if (values.seed !== undefined) params.set('seed', String(values.seed));
  if (values.n !== undefined) params.set('n', String(values.n));
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
