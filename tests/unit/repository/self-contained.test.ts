import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository must not point outside itself: a comment that cites notes only some machine
// has is a citation no reader can follow. Facts the code relies on live in docs/.

const root = process.cwd();
/** Folders that are generated or installed, not part of the repository. */
const skipped = new Set(['.git', 'node_modules', 'dist', '.astro', 'reports', 'test-results', 'playwright-report']);
const textFile = /\.(ts|tsx|mts|mjs|js|astro|mdx?|ya?ml|json|css|txt|sh)$|^run$|^[A-Z]+$/;

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (skipped.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return repositoryFiles(path);
    return textFile.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

const files = repositoryFiles(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

// Spelled in pieces so this file does not match itself.
const outside = ['/work/' + 'shared', 'shared/' + 'reference', 'kernel-' + 'notes', 'toolchain' + '.md'];

describe('the repository is self-contained', () => {
  it('reads a real set of files', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('README.md');
    expect(paths).toContain(join('src', 'engine', 'network', 'topology.ts'));
    expect(paths).toContain(join('.ci', 'run'));
  });

  it.each(outside)('no file mentions %s', (needle) => {
    const hits = files.filter((f) => f.text.toLowerCase().includes(needle)).map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it('outside docs/, the kube-proxy notes are always cited by their path in the repository', () => {
    const bare = /(?<!docs\/)\bkube-proxy\.md/;
    const hits = files.filter((f) => !f.path.startsWith('docs') && bare.test(f.text)).map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it('every docs/ page cited anywhere exists', () => {
    const missing = files.flatMap((f) =>
      [...f.text.matchAll(/\bdocs\/([\w-]+\.md)/g)].flatMap(([, page]) =>
        existsSync(join(root, 'docs', page ?? '')) ? [] : [`${f.path} → docs/${page}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
