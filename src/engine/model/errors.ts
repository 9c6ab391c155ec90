import type { MessageCode, MessageParams } from './messages';
import { formatMessage } from './messages';

/**
 * One problem found while loading manifests. Errors stop the cluster from loading; warnings
 * explain something that was ignored or assumed. `code` + `params` let the UI render the text
 * in any language (see messages.ts); `message` is the English text for logs and the CLI.
 */
export interface ManifestError {
  readonly severity: 'error' | 'warning';
  readonly code: MessageCode;
  readonly params: MessageParams;
  /** File name or label the text came from, when the caller gave one. */
  readonly source?: string;
  /** 1-based index of the YAML/JSON document within its source (0 when not document-specific). */
  readonly document: number;
  /** 1-based line in the source text where the offending node starts, when known. */
  readonly line?: number;
  /** "Kind namespace/name" (or "Kind name") of the object, when known. */
  readonly object?: string;
  /** Field path inside the object, e.g. "spec.ports[0].nodePort"; "" for the whole object. */
  readonly path: string;
  /** The English message (same as formatManifestError(e, 'en') without the location prefix). */
  readonly message: string;
}

/** Where a problem is: filled in by the loader as it walks a document. */
export interface ErrorLocation {
  readonly source?: string;
  readonly document: number;
  readonly line?: number;
  readonly object?: string;
  readonly path: string;
}

/** Builds a ManifestError, filling the English message from the catalogue. */
export function makeManifestError(
  severity: 'error' | 'warning',
  code: MessageCode,
  params: MessageParams,
  where: ErrorLocation,
): ManifestError {
  const error: {
    -readonly [K in keyof ManifestError]: ManifestError[K];
  } = {
    severity,
    code,
    params,
    document: where.document,
    path: where.path,
    message: formatMessage(code, params, 'en'),
  };
  if (where.source !== undefined) error.source = where.source;
  if (where.line !== undefined) error.line = where.line;
  if (where.object !== undefined) error.object = where.object;
  return error;
}

/** A language the engine has message text for. */
export type Language = 'en' | 'ko';

/**
 * One line describing the problem: "file:line: document 2, Service default/web, field
 * spec.ports[0].port: …" (or the Korean equivalent).
 */
export function formatManifestError(error: ManifestError, language: Language = 'en'): string {
  const where: string[] = [];
  const ko = language === 'ko';
  if (error.document > 0) where.push(ko ? `문서 ${error.document}` : `document ${error.document}`);
  if (error.object !== undefined) where.push(error.object);
  if (error.path !== '') where.push(ko ? `필드 ${error.path}` : `field ${error.path}`);
  const file =
    error.source === undefined
      ? ''
      : error.line === undefined
        ? `${error.source}: `
        : `${error.source}:${error.line}: `;
  const line =
    error.source === undefined && error.line !== undefined ? (ko ? `${error.line}행, ` : `line ${error.line}, `) : '';
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  const label = error.severity === 'warning' ? (ko ? '경고: ' : 'warning: ') : '';
  return `${file}${line}${label}${prefix}${formatMessage(error.code, error.params, language)}`;
}
