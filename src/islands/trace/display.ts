/**
 * Makes pasted text safe to look at. Preact renders it as text nodes, so nothing in it is
 * ever markup; this only makes the invisible visible: control characters become their
 * Unicode "control pictures" (␀, ␛, …), bidirectional overrides become <U+202E>-style tags (so
 * a line cannot pretend to say something else), and very long lines are cut for display.
 */

/** Characters of a line shown at most. */
export const MAX_SHOWN = 2_000;

// C0 controls except tab, DEL, C1 controls, and the bidi / zero-width formatting characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed or escaped
const INVISIBLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The line as shown, and how many characters were cut from its end. */
export function displayLine(line: string, max = MAX_SHOWN): { text: string; cut: number } {
  const head = line.length > max ? line.slice(0, max) : line;
  return { text: head.replace(INVISIBLE, picture), cut: Math.max(0, line.length - max) };
}
