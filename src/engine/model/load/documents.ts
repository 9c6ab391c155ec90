import type { Document } from 'yaml';
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { ManifestError } from '../errors';
import { makeManifestError } from '../errors';
import { yamlReason } from '../messages';
import type { DocumentSite, FieldPath } from './context';

/** One input text and the name to report it under (a file name, "stdin", "editor"…). */
export interface ManifestSource {
  readonly text: string;
  readonly source?: string;
}

/** A decoded document and how to point at lines inside it. */
export interface LoadedDocument {
  readonly site: DocumentSite;
  readonly value: unknown;
}

/** Inputs above this size are refused rather than parsed (the browser must stay responsive). */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Deepest nesting read: the YAML parser recurses once per level, and a manifest needs ~10. */
export const MAX_YAML_DEPTH = 200;

/**
 * The first line where the nesting (indentation levels, "- " items and open [ / { brackets
 * outside quotes and comments) goes deeper than `limit`, or 0. A cheap scan before parsing,
 * so 20,000 nested brackets get a clear message instead of a stack overflow.
 */
export function tooDeepAt(text: string, limit = MAX_YAML_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      if (flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= i - start) indents.pop();
        indents.push(i - start);
      }
      let dashes = 0;
      for (let j = i; j + 1 < end && text[j] === '-' && text[j + 1] === ' '; j += 2) {
        dashes++;
        while (j + 2 < end && text[j + 2] === ' ') j++;
      }
      let quote = '';
      for (let j = i; j < end; j++) {
        const c = text[j];
        if (quote !== '') {
          if (c === quote) quote = '';
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === '#' && (j === start || text[j - 1] === ' ')) break;
        else if (c === '[' || c === '{') flow++;
        else if ((c === ']' || c === '}') && flow > 0) flow--;
        if (flow + indents.length + dashes > limit) return line;
      }
      if (flow + indents.length + dashes > limit) return line;
    }
    start = end + 1;
    line++;
  }
  return 0;
}

/**
 * Splits a YAML (or JSON) text into decoded documents. Syntax errors are reported per document
 * with their line; a broken document is skipped, the others are still read. Aliases are capped
 * (yaml's maxAliasCount) so a "billion laughs" input fails fast instead of exhausting memory.
 */
export function parseDocuments(input: ManifestSource, sink: ManifestError[]): LoadedDocument[] {
  const where = input.source === undefined ? {} : { source: input.source };
  if (input.text.length > MAX_INPUT_BYTES) {
    sink.push(
      makeManifestError(
        'error',
        'input-too-large',
        { size: input.text.length, limit: MAX_INPUT_BYTES },
        { ...where, document: 0, path: '' },
      ),
    );
    return [];
  }
  const deep = tooDeepAt(input.text);
  if (deep > 0) {
    sink.push(
      makeManifestError(
        'error',
        'yaml-too-deep',
        { limit: MAX_YAML_DEPTH },
        { ...where, document: 0, line: deep, path: '' },
      ),
    );
    return [];
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(input.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  const out: LoadedDocument[] = [];
  list.forEach((doc, index) => {
    const number = index + 1;
    const lineOf = (path: FieldPath): number | undefined => lineOfPath(doc, lineCounter, path);
    const first = doc.errors[0];
    if (first !== undefined) {
      const line = lineCounter.linePos(first.pos[0]).line;
      sink.push(
        makeManifestError(
          'error',
          'yaml-syntax',
          { detail: firstLine(first.message), reason: yamlReason(first.code) },
          {
            ...where,
            document: number,
            ...(line === undefined ? {} : { line }),
            path: '',
          },
        ),
      );
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      sink.push(
        makeManifestError(
          'error',
          'yaml-syntax',
          { detail: e instanceof Error ? e.message : String(e), reason: yamlReason('other') },
          { ...where, document: number, path: '' },
        ),
      );
      return;
    }
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing "---"
    out.push({ site: { source: input.source, document: number, lineOf }, value });
  });
  return out;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The line of the key (for a mapping entry) or item (for a list entry) at `path`; when the
 * path does not exist (a missing field), the line of its closest existing ancestor.
 */
function lineOfPath(doc: Document, counter: LineCounter, path: FieldPath): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const parent: unknown = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    const last = path[n - 1];
    let range: readonly number[] | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      range = (pair?.key as { range?: readonly number[] } | undefined)?.range;
    } else if (isSeq(parent) && typeof last === 'number') {
      range = (parent.items[last] as { range?: readonly number[] } | undefined)?.range;
    }
    if (range !== undefined && typeof range[0] === 'number') return counter.linePos(range[0]).line;
  }
  const root = (doc.contents as { range?: readonly number[] } | null)?.range;
  return root === undefined || typeof root[0] !== 'number' ? undefined : counter.linePos(root[0]).line;
}
