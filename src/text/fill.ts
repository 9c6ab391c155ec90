/**
 * Filling `{name}` placeholders: the one filler behind the site's format(), the islands, the
 * engine's messages and a lesson's placeholder values. It lives with the pure text helpers
 * so that each of those layers may import it, and it needs no string table, so an island
 * that fills its props ships no more than this and the particle rules.
 */
import { resolveParticles } from './particles';

/** Values for the `{name}` placeholders of a template. */
export type FillValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders from `values`, then turns each Korean double particle after a
 * value (`{pod}을(를)`) into the one that fits it (`pod-1을`). A name without a value is
 * handed to `missing`, which by default leaves "{name}" on the page: a visible gap is better
 * than a broken one. Only the values' own keys count, so "{toString}" is not a value.
 */
export function fill(
  template: string,
  values: FillValues = {},
  missing: (name: string) => string = (name) => `{${name}}`,
): string {
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    // Not Object.hasOwn: Safari 14, among Vite's default build targets, lacks it.
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value === undefined ? missing(name) : String(value);
  });
  return resolveParticles(filled);
}
