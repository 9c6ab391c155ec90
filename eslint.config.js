// ESLint for TypeScript, plus the architecture written as rules (docs/architecture.md):
// the engine stays pure and replayable, and the rest of the site reaches it through its façades.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The only engine modules the UI, the worker and the CLI may import values from (types may come from anywhere). */
export const ENGINE_FACADES = ['src/engine/simulate', 'src/engine/lab', 'src/engine/model', 'src/engine/rules'];

/** Where an import points, as a repository path without extension, or null for a package. */
function target(file, specifier) {
  const bare = specifier.replace(/[?#].*$/, '');
  let resolved;
  if (bare.startsWith('@/')) resolved = path.join(root, 'src', bare.slice(2));
  else if (bare.startsWith('.')) resolved = path.resolve(path.dirname(file), bare);
  else return null;
  return path
    .relative(root, resolved)
    .split(path.sep)
    .join('/')
    .replace(/\.(tsx?|jsx?|mjs)$/, '')
    .replace(/\/index$/, '');
}

const inside = (repoPath, dir) => repoPath === dir || repoPath.startsWith(`${dir}/`);

/** Every import, export-from and dynamic import in a file, with whether it brings types only. */
function eachImport(context, check) {
  const visit = (node, typeOnly) => {
    if (node.source && typeof node.source.value === 'string') check(node, node.source.value, typeOnly);
  };
  return {
    ImportDeclaration: (node) =>
      visit(
        node,
        node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')),
      ),
    ExportNamedDeclaration: (node) => visit(node, node.exportKind === 'type'),
    ExportAllDeclaration: (node) => visit(node, node.exportKind === 'type'),
    ImportExpression: (node) => {
      if (node.source.type === 'Literal') visit(node, false);
    },
  };
}

/** The architecture as one rule: which folders a folder may not import, and where the engine's door is. */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports inside the layers docs/architecture.md draws.' },
    schema: [
      {
        type: 'object',
        properties: {
          forbid: { type: 'array', items: { type: 'string' } },
          forbidPackages: { type: 'array', items: { type: 'string' } },
          engineOnlyVia: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{from}} may not import {{to}}: {{why}}',
      facade: '{{to}} is inside the engine; import values from one of its façades ({{facades}}), or use `import type`.',
    },
  },
  create(context) {
    const { forbid = [], forbidPackages = [], engineOnlyVia } = context.options[0] ?? {};
    const file = context.filename;
    const from = path.relative(root, file).split(path.sep).join('/');
    return eachImport(context, (node, specifier, typeOnly) => {
      const to = target(file, specifier);
      if (to === null) {
        const pkg = forbidPackages.find(
          (p) => specifier === p || specifier.startsWith(`${p}/`) || specifier.startsWith(`${p}:`),
        );
        if (pkg)
          context.report({
            node,
            messageId: 'forbidden',
            data: { from, to: specifier, why: 'this layer stays free of it' },
          });
        return;
      }
      const dir = forbid.find((d) => inside(to, d));
      if (dir) {
        context.report({
          node,
          messageId: 'forbidden',
          data: { from, to, why: `nothing in this layer depends on ${dir}` },
        });
        return;
      }
      if (engineOnlyVia && !typeOnly && inside(to, 'src/engine') && !engineOnlyVia.includes(to)) {
        context.report({ node, messageId: 'facade', data: { to, facades: engineOnlyVia.join(', ') } });
      }
    });
  },
};

/** Every folder of src/ but the engine and src/text (pure text helpers any layer may use). */
const siteLayers = [
  'src/stores',
  'src/islands',
  'src/components',
  'src/pages',
  'src/layouts',
  'src/i18n',
  'src/lessons',
  'src/playground',
  'src/workers',
  'src/cli',
  'src/seo',
  'src/social',
  'src/search',
  'src/newsletter',
  'src/styles',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.astro/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      'public/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,js,mjs,astro}'],
    plugins: { bounce: { rules: { layers } } },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      // TypeScript checks names itself (tsc runs in `npm test`), and knows the DOM, workers and Node.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // One way to name a module: without its .ts/.tsx extension (the bundler, tsx and Playwright resolve it).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.|@/).*\\.tsx?$', message: 'Import TypeScript modules without the .ts/.tsx extension.' },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no UI, no framework, no Node, no clock and no unseeded randomness,
    // so every run replays from its seed in the browser, the worker and the CLI alike.
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'bounce/layers': [
        'error',
        {
          forbid: siteLayers,
          forbidPackages: ['astro', 'preact', '@preact', 'nanostores', '@nanostores', 'node', 'fs', 'path'],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'The engine draws from the seeded Chooser it is given, so runs replay.',
        },
        { object: 'Date', property: 'now', message: 'The engine has no clock: time would make runs unreplayable.' },
        {
          object: 'performance',
          property: 'now',
          message: 'The engine has no clock: time would make runs unreplayable.',
        },
        {
          object: 'crypto',
          property: 'getRandomValues',
          message: 'The engine draws from the seeded Chooser it is given, so runs replay.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The engine has no clock: time would make runs unreplayable.',
        },
      ],
    },
  },
  {
    // Pure text helpers shared by the engine, the CLI and the site: they lean on nothing else.
    files: ['src/text/**/*.ts'],
    rules: {
      'bounce/layers': [
        'error',
        {
          forbid: ['src/engine', ...siteLayers],
          forbidPackages: ['astro', 'preact', '@preact', 'nanostores', '@nanostores'],
        },
      ],
    },
  },
  {
    // Stores hold state for islands; they never render, so they import no component or page.
    files: ['src/stores/**/*.{ts,tsx,astro}'],
    rules: {
      'bounce/layers': [
        'error',
        { forbid: ['src/islands', 'src/components', 'src/pages', 'src/layouts'], engineOnlyVia: ENGINE_FACADES },
      ],
    },
  },
  {
    files: ['src/islands/**/*.{ts,tsx,astro}', 'src/components/**/*.{ts,tsx,astro}'],
    rules: { 'bounce/layers': ['error', { forbid: ['src/pages', 'src/layouts'], engineOnlyVia: ENGINE_FACADES }] },
  },
  {
    files: ['src/**/*.{ts,tsx,astro}'],
    ignores: ['src/engine/**', 'src/text/**', 'src/stores/**', 'src/islands/**', 'src/components/**'],
    rules: { 'bounce/layers': ['error', { engineOnlyVia: ENGINE_FACADES }] },
  },
  {
    // One concept per file: past about 300 lines a file is a signal to split; past 400 it fails.
    files: ['src/**/*.{ts,tsx,astro}'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
);
