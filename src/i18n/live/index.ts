/** The live lesson's strings in both languages; islands get one group each as props. */
import type { Locale } from '../locales.ts';
import { liveEn, type LiveStrings } from './en.ts';
import { liveKo } from './ko.ts';

export type { LiveStrings } from './en.ts';

/** Every string group of the live lesson, by locale. */
export const liveStrings: Readonly<Record<Locale, LiveStrings>> = { en: liveEn, ko: liveKo };
