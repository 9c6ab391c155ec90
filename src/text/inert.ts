/**
 * Makes untrusted text inert for display on one line — in a terminal (CLI messages) or in a
 * page notice: control characters cannot move the cursor, set a terminal title, clear the
 * screen or start a new line, and bidirectional / zero-width formatting characters cannot
 * reorder or hide what is around them. Each such character is shown escaped, so the reader
 * still sees that it is there: C0/C1 controls and DEL as `\x1b` (with `\n`, `\r`, `\t` spelled
 * so), formatting characters as `U+202E`. Plain engine-free code: the CLI, the stores and the
 * islands all use it.
 */

// C0 controls, DEL, C1 controls; then zero-width, bidi marks/embeddings/overrides/isolates,
// the line and paragraph separators, the BOM and the interlinear annotation marks.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
  /[\u0000-\u001F\u007F-\u009F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\u3164\uFEFF\uFFF9-\uFFFB]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The escaped spelling of one unsafe character. */
function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  if (code <= 0x9f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when `text` holds a character escapeText would change. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * `text` with every control and invisible formatting character escaped (see the file comment),
 * cut to `max` characters (default: no cut) with "…" when longer.
 */
export function escapeText(text: string, max = Infinity): string {
  const head = text.length > max ? text.slice(0, max) : text;
  const escaped = head.replace(UNSAFE, escapeOne);
  return head.length < text.length ? `${escaped}…` : escaped;
}

/** A message for a terminal or a notice: escaped as escapeText, at most `max` characters of input (default 500). */
export function oneLine(text: string, max = 500): string {
  return escapeText(text, max);
}
