/**
 * Placeholder values and filling them into a lesson's texts. Apart from placeholders.ts
 * (which works the values out of a cluster) because the quiz island fills texts on the page
 * and should not ship that.
 */
import { fill } from '../../text/fill';
import type { PlaceholderName } from './spec';

/** Placeholder name → its text. */
export type PlaceholderValues = Readonly<Record<PlaceholderName, string>>;

/** Fills a lesson text's `{name}` placeholders (src/text/fill.ts); unknown names are left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return fill(text, values);
}
