import { en, type UiKey } from './en';
import { ko } from './ko';
import { isLocale, type Locale } from './locales';
import { fill, type FillValues } from '../text/fill';

export type { UiKey } from './en';
export * from './locales';

/** Every UI string, by locale and key. */
export const ui: Readonly<Record<Locale, Readonly<Record<UiKey, string>>>> = { en, ko };

/** Values for the `{name}` placeholders of a UI string. */
export type FormatValues = FillValues;

/**
 * Fills `{name}` placeholders, picking the Korean particle after each value (`{port}(으)로`).
 * At build time a placeholder without a value is a bug in the caller, so it throws with the
 * name rather than printing "{name}" on the page.
 */
export function format(template: string, values: FormatValues = {}): string {
  return fill(template, values, (name) => {
    throw new Error(`UI string "${template}" needs a value for {${name}}`);
  });
}

/** The translator for one locale: t('challenge.number', { n: 14 }) → "Challenge 14". */
export function useTranslations(locale: Locale): (key: UiKey, values?: FormatValues) => string {
  const table = ui[locale];
  return (key, values) => format(table[key], values);
}

/**
 * The locale of the page being rendered, from Astro.currentLocale. Every page lives under
 * /en/ or /ko/, so anything else is a routing bug and fails the build loudly.
 */
export function localeOf(current: string | undefined): Locale {
  if (isLocale(current)) return current;
  throw new Error(`Expected a page under /en/ or /ko/, but the current locale is "${String(current)}"`);
}
