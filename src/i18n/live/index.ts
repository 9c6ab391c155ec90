/** The live lesson's strings in both languages; islands get one group each as props. */
import type { Locale } from '../locales';
import { liveEn, type LiveStrings } from './en';
import { liveKo } from './ko';

export type { LiveStrings } from './en';

/** Every string group of the live lesson, by locale. */
export const liveStrings: Readonly<Record<Locale, LiveStrings>> = { en: liveEn, ko: liveKo };
