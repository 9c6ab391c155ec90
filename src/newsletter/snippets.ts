/**
 * The newsletter snippets: ready-to-paste HTML and Markdown that ask the challenge's question
 * with one link per answer (`?answer=a` … `?answer=d`, plus the editor's UTM parameters), the
 * social card, and a plain link to the challenge. Pure functions, so the kit page renders
 * them on the server and the island re-renders them as the editor types.
 */
import { cleanUtmValue, utmFields, type Utm } from './utm';

/** One answer as the snippet shows it. */
export interface KitOption {
  readonly id: 'a' | 'b' | 'c' | 'd';
  readonly text: string;
}

/** Everything a snippet says, in the lesson's language. */
export interface Kit {
  /** Absolute URL of the challenge page (ends in "/"). */
  readonly lessonUrl: string;
  /** Absolute URL of the challenge's social card. */
  readonly cardUrl: string;
  /** "Challenge 14: Bounce": the snippet's heading and the card's alt text. */
  readonly heading: string;
  readonly question: string;
  readonly options: readonly KitOption[];
  /** The line before the answers ("Pick your answer:"). */
  readonly pickLabel: string;
  /** Text of the plain link to the challenge ("Open the challenge"). */
  readonly openLabel: string;
}

/** Width and height the snippets give the card image (half size: fits email columns). */
export const SNIPPET_IMAGE = { width: 600, height: 315 } as const;

/**
 * The challenge URL with `answer` (when given) and the non-empty UTM parameters, in that
 * order. URLSearchParams encodes every value, so nothing typed can break out of the link.
 */
export function kitLink(lessonUrl: string, utm: Utm, answer?: KitOption['id']): string {
  const url = new URL(lessonUrl);
  url.search = '';
  if (answer !== undefined) url.searchParams.set('answer', answer);
  for (const field of utmFields) {
    const value = cleanUtmValue(utm[field]);
    if (value !== '') url.searchParams.set(field, value);
  }
  return url.href;
}

/** The label of an answer in a snippet: "A. Always…". */
export function optionLabel(option: KitOption): string {
  return `${option.id.toUpperCase()}. ${option.text}`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Characters that would start Markdown syntax inside link or paragraph text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/** Markdown link targets: parentheses and spaces would end the target early. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
}

/** The HTML snippet. */
export function htmlSnippet(kit: Kit, utm: Utm): string {
  const open = kitLink(kit.lessonUrl, utm);
  const attr = (value: string) => escapeHtml(value);
  return [
    `<p><strong>${escapeHtml(kit.heading)}</strong></p>`,
    `<p><a href="${attr(open)}"><img src="${attr(kit.cardUrl)}" width="${SNIPPET_IMAGE.width}" height="${SNIPPET_IMAGE.height}" alt="${attr(kit.heading)}"></a></p>`,
    `<p>${escapeHtml(kit.question)}</p>`,
    `<p>${escapeHtml(kit.pickLabel)}</p>`,
    '<ul>',
    ...kit.options.map(
      (o) => `  <li><a href="${attr(kitLink(kit.lessonUrl, utm, o.id))}">${escapeHtml(optionLabel(o))}</a></li>`,
    ),
    '</ul>',
    `<p><a href="${attr(open)}">${escapeHtml(kit.openLabel)}</a></p>`,
  ].join('\n');
}

/** The Markdown snippet. */
export function markdownSnippet(kit: Kit, utm: Utm): string {
  const open = markdownUrl(kitLink(kit.lessonUrl, utm));
  return [
    `**${escapeMarkdown(kit.heading)}**`,
    '',
    `[![${escapeMarkdown(kit.heading)}](${markdownUrl(kit.cardUrl)})](${open})`,
    '',
    escapeMarkdown(kit.question),
    '',
    escapeMarkdown(kit.pickLabel),
    '',
    ...kit.options.map(
      (o) => `- [${escapeMarkdown(optionLabel(o))}](${markdownUrl(kitLink(kit.lessonUrl, utm, o.id))})`,
    ),
    '',
    `[${escapeMarkdown(kit.openLabel)}](${open})`,
  ].join('\n');
}
