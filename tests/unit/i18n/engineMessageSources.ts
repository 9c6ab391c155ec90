/**
 * The message templates written in the engine's rule readers, found in their source: every
 * string or template literal that is passed to a problem or error, stored as a rule's reason,
 * or reads like a sentence. `${…}` becomes `{0}`, `{1}`… in order, the form the catalogue of
 * translations is keyed by, so a message added to the engine without a translation is found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A template and where it is written. */
export interface SourceMessage {
  readonly template: string;
  readonly where: string;
}

const CALLEES = new Set(['fail', 'problem', 'RuleError', 'RangeError', 'Error', 'ConnectionError']);
const TARGETS = new Set(['unsupported', 'stop', 'error', 'message']);
/** A sentence: two words of letters with a space between. */
const SENTENCE = /[a-z]{2,} [a-z]/i;

function templates(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.templateSpans.reduce((s, span, i) => `${s}{${i}}${span.literal.text}`, node.head.text)];
  }
  if (ts.isConditionalExpression(node)) return [...templates(node.whenTrue), ...templates(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return templates(node.expression);
  return [];
}

const nameOf = (node: ts.Node): string =>
  ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '';

/** The message templates in one source file. */
function fileMessages(path: string): SourceMessage[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: SourceMessage[] = [];
  const add = (node: ts.Node, list: string[]) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const template of list) found.push({ template, where: `${path}:${line}` });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && CALLEES.has(nameOf(node.expression))) {
      for (const arg of node.arguments ?? []) add(arg, templates(arg));
    } else if (ts.isBinaryExpression(node) && TARGETS.has(nameOf(node.left))) {
      add(node.right, templates(node.right));
    } else if (ts.isPropertyAssignment(node) && TARGETS.has(nameOf(node.name))) {
      add(node.initializer, templates(node.initializer));
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      add(
        node,
        templates(node).filter((t) => SENTENCE.test(t)),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every `.ts` file under the given files or folders. */
function tsFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? tsFiles(
          readdirSync(p)
            .sort()
            .map((f) => join(p, f)),
        )
      : p.endsWith('.ts')
        ? [p]
        : [],
  );
}

/** The message templates in the given source files and folders, each once, with where it first appears. */
export function sourceMessages(paths: readonly string[]): SourceMessage[] {
  const seen = new Map<string, SourceMessage>();
  for (const m of tsFiles(paths).flatMap(fileMessages)) if (!seen.has(m.template)) seen.set(m.template, m);
  return [...seen.values()];
}
