/** The trace page's strings in both languages; the page hands one locale's table to its island. */
import type { Locale } from '../locales.ts';
import { traceEn, type TraceStrings } from './en.ts';
import { traceKo } from './ko.ts';

export type { TraceStrings } from './en.ts';

/** Every string of the trace page, by locale. */
export const traceStrings: Readonly<Record<Locale, TraceStrings>> = { en: traceEn, ko: traceKo };
