import { resolveParticles } from '../i18n/particles.ts';

/**
 * Fills `{name}` placeholders of a UI string. Islands get their strings as props, so this
 * small copy of the site's format() keeps the i18n tables out of the client bundle. A
 * missing value leaves the placeholder visible rather than breaking the page. Korean double
 * particles after a value (`{pod}을(를)`) become the one that fits the value (`pod-1을`).
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
  return resolveParticles(filled);
}
