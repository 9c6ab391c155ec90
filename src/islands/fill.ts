/**
 * The islands' filler (src/text/fill.ts): islands get their strings as props and fill them
 * here; a missing value leaves the placeholder visible rather than breaking the page, and a
 * Korean double particle after a value (`{pod}을(를)`) becomes the one that fits it.
 */
export { fill } from '../text/fill';
