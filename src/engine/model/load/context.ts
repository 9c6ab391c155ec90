import type { ManifestError } from '../errors';
import { makeManifestError } from '../errors';
import type { MessageCode, MessageParams } from '../messages';
import { term } from '../messages';

/** A path into a document: map keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** "spec.ports[0].port" for ['spec', 'ports', 0, 'port']. */
export function pathToString(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Where a document came from and how to find line numbers in it. */
export interface DocumentSite {
  readonly source: string | undefined;
  /** 1-based document index within the source. */
  readonly document: number;
  /** Line of the node at a full document path, or of its closest existing ancestor. */
  lineOf(path: FieldPath): number | undefined;
}

/**
 * Reports problems about one object: knows the document, the object's label ("Service
 * default/web") and where the object sits in the document (under items[i] for a List).
 */
export class ObjectContext {
  constructor(
    private readonly site: DocumentSite,
    private readonly sink: ManifestError[],
    /** Path of this object inside its document (e.g. ['items', 3]). */
    private readonly prefix: FieldPath,
    private label: string | undefined,
  ) {}

  /** Sets "Kind namespace/name" once the name is known. */
  setLabel(label: string): void {
    this.label = label;
  }

  /** The object's label, for messages about other objects that refer to it. */
  get objectLabel(): string | undefined {
    return this.label;
  }

  /** Records an error at a field path relative to the object. */
  error(code: MessageCode, params: MessageParams, path: FieldPath): void {
    this.report('error', code, params, path);
  }

  /** Records a warning at a field path relative to the object. */
  warn(code: MessageCode, params: MessageParams, path: FieldPath): void {
    this.report('warning', code, params, path);
  }

  /** A context for another object of the same document (a List item). */
  child(prefix: FieldPath): ObjectContext {
    return new ObjectContext(this.site, this.sink, [...this.prefix, ...prefix], undefined);
  }

  private report(severity: 'error' | 'warning', code: MessageCode, params: MessageParams, path: FieldPath): void {
    const line = this.site.lineOf([...this.prefix, ...path]);
    this.sink.push(
      makeManifestError(severity, code, params, {
        ...(this.site.source === undefined ? {} : { source: this.site.source }),
        document: this.site.document,
        ...(line === undefined ? {} : { line }),
        ...(this.label === undefined ? {} : { object: this.label }),
        path: pathToString(path),
      }),
    );
  }
}

/** What a value is, as a translatable term for "expected X, found Y" messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return term('null');
  if (Array.isArray(value)) return term('list');
  if (typeof value === 'object') return term('mapping');
  if (typeof value === 'string') return term('string');
  if (typeof value === 'boolean') return term('boolean');
  return term('number');
}
