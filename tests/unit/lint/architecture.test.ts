/**
 * The lint rules that write down the architecture fail on a planted violation of each, and
 * pass on the same code in a place where it is allowed — so a rule that silently stopped
 * matching (a renamed folder, a config typo) is caught here, not in review.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { fileURLToPath } from 'node:url';
import { ENGINE_FACADES } from '../../../eslint.config.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesFired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const facade = ENGINE_FACADES[0]!.replace(/^src\//, '');

describe('the engine stays pure', () => {
  it.each([
    ['a store', "import { $lab } from '../../stores/lab/lab';\nexport const x = $lab;\n"],
    ['an island', "import { Quiz } from '@/islands/Quiz';\nexport const x = Quiz;\n"],
    ['the UI strings', "import { en as y } from '../../i18n/en';\nexport const x = y;\n"],
    ['Preact', "import { h } from 'preact';\nexport const x = h;\n"],
    ['Astro', "import { getCollection } from 'astro:content';\nexport const x = getCollection;\n"],
    ['nanostores', "import { atom } from 'nanostores';\nexport const x = atom;\n"],
    ['Node', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ])('imports no %s', async (_what, code) => {
    expect(await rulesFired('src/engine/model/planted.ts', code)).toContain('bounce/layers');
  });

  it.each([
    ['Math.random()', 'export const x = Math.random();\n', 'no-restricted-properties'],
    ['Date.now()', 'export const x = Date.now();\n', 'no-restricted-properties'],
    ['performance.now()', 'export const x = performance.now();\n', 'no-restricted-properties'],
    ['new Date()', 'export const x = new Date();\n', 'no-restricted-syntax'],
  ])('calls no %s', async (_what, code, rule) => {
    expect(await rulesFired('src/engine/run/planted.ts', code)).toContain(rule);
    // The same line outside the engine is allowed: the rule is about the engine only.
    expect(await rulesFired('src/islands/planted.ts', code)).toEqual([]);
  });

  it('passes a clean engine module that imports its own folder, src/text and packages', async () => {
    const code =
      "import { parse } from 'yaml';\nimport { oneLine } from '../../text/inert';\nimport { type Chooser } from '../random/types';\n" +
      'export const x = (c: Chooser): unknown => [parse, oneLine, c];\n';
    expect(await rulesFired('src/engine/model/planted.ts', code)).toEqual([]);
  });
});

describe('the rest of the site reaches the engine through its façades', () => {
  const deep = "import { enumerate } from '../engine/random/exact';\nexport const x = enumerate;\n";

  it.each([
    'src/islands/planted.ts',
    'src/stores/planted.ts',
    'src/workers/planted.ts',
    'src/cli/planted.ts',
    'src/lessons/planted.ts',
  ])('refuses a value import from deep inside the engine in %s', async (path) => {
    expect(await rulesFired(path, deep)).toContain('bounce/layers');
  });

  it("refuses it in a page's frontmatter too", async () => {
    const code =
      "---\nimport { enumerate } from '../../engine/random/exact';\nconst x = enumerate;\n---\n<p>{String(x)}</p>\n";
    expect(await rulesFired('src/pages/en/planted.astro', code)).toContain('bounce/layers');
  });

  it('allows types from anywhere in the engine and values from a façade', async () => {
    const code =
      "import type { Chooser } from '../engine/random/types';\n" +
      `import * as engine from '../${facade}';\n` +
      'export const x = (c: Chooser): unknown => [engine, c];\n';
    expect(await rulesFired('src/islands/planted.ts', code)).toEqual([]);
  });
});

describe('layers', () => {
  it('keeps stores free of islands and pages', async () => {
    const code = "import { Quiz } from '../islands/Quiz';\nexport const x = Quiz;\n";
    expect(await rulesFired('src/stores/planted.ts', code)).toContain('bounce/layers');
  });

  it('keeps src/text free of everything else', async () => {
    const code = "import { en } from '../i18n/en';\nexport const x = en;\n";
    expect(await rulesFired('src/text/planted.ts', code)).toContain('bounce/layers');
  });

  it('names modules one way: without a .ts extension', async () => {
    // Joined here so that a codemod over the repository's imports cannot rewrite the plant.
    const code = `import { oneLine } from '../text/inert${'.ts'}';\nexport const x = oneLine;\n`;
    expect(await rulesFired('src/islands/planted.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFired('src/islands/planted.ts', code.replace('.ts', ''))).toEqual([]);
  });
});

describe('files stay short', () => {
  it('a source file over 400 lines fails the lint; one of 400 passes', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const x${i} = ${i};`).join('\n') + '\n';
    expect(await rulesFired('src/engine/run/planted.ts', lines(401))).toContain('max-lines');
    expect(await rulesFired('src/islands/planted.ts', lines(401))).toContain('max-lines');
    expect(await rulesFired('src/engine/run/planted.ts', lines(400))).toEqual([]);
  });
});

describe('format', () => {
  it('prettier refuses code that is not in the house format, and accepts it once formatted', async () => {
    const options = {
      ...(await prettier.resolveConfig(`${root}src/islands/planted.ts`)),
      filepath: `${root}src/islands/planted.ts`,
    };
    const messy = 'export const x = {a:1,\n    b:"two"}\n';
    expect(await prettier.check(messy, options)).toBe(false);
    expect(await prettier.check(await prettier.format(messy, options), options)).toBe(true);
  });
});
