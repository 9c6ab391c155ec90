/** The playground's strings in both languages; the page hands one locale's table to its islands. */
import type { Locale } from '../locales.ts';
import { playgroundEn, type PlaygroundStrings } from './en.ts';
import { playgroundKo } from './ko.ts';

export type { PlaygroundStrings } from './en.ts';

/** Every string of the playground, by locale. */
export const playgroundStrings: Readonly<Record<Locale, PlaygroundStrings>> = { en: playgroundEn, ko: playgroundKo };
