/** The playground's strings in both languages; the page hands one locale's table to its islands. */
import type { Locale } from '../locales';
import { playgroundEn, type PlaygroundStrings } from './en';
import { playgroundKo } from './ko';

export type { PlaygroundStrings } from './en';

/** Every string of the playground, by locale. */
export const playgroundStrings: Readonly<Record<Locale, PlaygroundStrings>> = { en: playgroundEn, ko: playgroundKo };
