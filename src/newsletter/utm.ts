/**
 * Campaign (UTM) parameters a newsletter editor adds to the links. The site never reads them;
 * they exist for the editor's own tools, so the only job here is to carry them faithfully.
 */

/** The three parameters the kit asks for, in the order links carry them. */
export const utmFields = ['utm_source', 'utm_medium', 'utm_campaign'] as const;

/** One of the kit's UTM parameters. */
export type UtmField = (typeof utmFields)[number];

/** What the editor typed, by parameter (empty means "leave it out"). */
export type Utm = Readonly<Record<UtmField, string>>;

/** No campaign parameters. */
export const noUtm: Utm = { utm_source: '', utm_medium: '', utm_campaign: '' };

/** Longest value kept; longer input is cut, since no campaign name needs more. */
export const MAX_UTM_LENGTH = 100;

/** A typed value made safe to carry: trimmed, control characters dropped, length capped. */
export function cleanUtmValue(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this drops
  return [...raw.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_UTM_LENGTH).join('');
}

/** The UTM parameters present in a query string, cleaned (for checking they survived). */
export function utmFromSearch(search: string): Utm {
  const params = new URLSearchParams(search);
  return Object.fromEntries(utmFields.map((f) => [f, cleanUtmValue(params.get(f) ?? '')])) as Record<UtmField, string>;
}
