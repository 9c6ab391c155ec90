/** The trace page's strings in both languages; the page hands one locale's table to its island. */
import type { Locale } from '../locales';
import { traceEn, type TraceStrings } from './en';
import { traceKo } from './ko';

export type { TraceStrings } from './en';

/** Every string of the trace page, by locale. */
export const traceStrings: Readonly<Record<Locale, TraceStrings>> = { en: traceEn, ko: traceKo };
