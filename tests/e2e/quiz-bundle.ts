/**
 * What JavaScript the built lesson page ships, read from dist/ by following imports: the
 * same answer on every run (no timing, no network). "eager" is what runs on load (inline
 * scripts, module scripts, islands hydrated on load or idle, and their static imports);
 * "visible" is what islands hydrated on visibility add; "lazy" is what dynamic imports add
 * (the engine). Sizes are gzip level 9, summed per file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A set of files and their total size. */
export interface JsSet {
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
}

/** The lesson page's JavaScript, by when it loads. */
export interface PageJs {
  /** Inline <script> blocks (Astro's island runtime), counted as eager. */
  readonly inline: { readonly count: number; readonly raw: number; readonly gzip: number };
  /** Inline JSON data blocks (the lesson's lab config): shipped, but not code. */
  readonly data: { readonly count: number; readonly raw: number; readonly gzip: number };
  readonly eager: JsSet;
  readonly visible: JsSet;
  readonly lazy: JsSet;
  /** Every JS file the page can ever load, with its text, for content checks. */
  readonly sources: ReadonlyMap<string, string>;
}

const gz = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;

/** How many blocks, and their size raw and gzip. */
const blocks = (texts: readonly string[]) => ({
  count: texts.length,
  raw: texts.reduce((n, s) => n + s.length, 0),
  gzip: texts.reduce((n, s) => n + gz(s), 0),
});

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The root-relative JS files a module imports statically, and those it imports dynamically. */
function importsOf(source: string): { statics: string[]; dynamics: string[] } {
  const statics = [...source.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g)].map(
    (m) => m[1]!,
  );
  const dynamics = [...source.matchAll(/\bimport\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
  // Vite lists a dynamic import's own dependencies for preloading in __vite__mapDeps.
  const preloads = [...source.matchAll(/"_astro\/([^"]+\.js)"/g)].map((m) => `./${m[1]!}`);
  return { statics, dynamics: [...dynamics, ...preloads] };
}

/**
 * Reads the page at `pagePath` (e.g. "en/challenges/bounce/index.html") under `dist`.
 * `islands`, when given, keeps only the islands whose component file name starts with one
 * of these names (to measure one feature's islands on a page others add islands to).
 */
export function pageJs(dist: string, pagePath: string, islands?: readonly string[]): PageJs {
  const html = readFileSync(join(dist, pagePath), 'utf8');
  const sources = new Map<string, string>();
  const read = (file: string): string => {
    let text = sources.get(file);
    if (text === undefined) {
      text = readFileSync(join(dist, file), 'utf8');
      sources.set(file, text);
    }
    return text;
  };
  const dynamicEntries = new Set<string>();
  const closure = (entries: Iterable<string>, exclude: ReadonlySet<string>): Set<string> => {
    const out = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (out.has(file) || exclude.has(file)) continue;
      out.add(file);
      const dir = file.slice(0, file.lastIndexOf('/') + 1);
      const { statics, dynamics } = importsOf(read(file));
      for (const s of statics) queue.push(dir + s.slice(2));
      for (const d of dynamics) dynamicEntries.add(dir + d.slice(2));
    }
    return out;
  };
  const toFile = (url: string) => url.replace(/^\//, '');

  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
  const isData = (attrs: string) => /\stype="application\/json"/.test(attrs);
  const inlineScripts = inline.filter((m) => !isData(m[1] ?? '')).map((m) => m[2] ?? '');
  const dataBlocks = inline.filter((m) => isData(m[1] ?? '')).map((m) => m[2] ?? '');
  const moduleScripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => toFile(m[1]!));
  const wanted = (tag: string) =>
    !islands || islands.some((name) => (attr(tag, 'component-url') ?? '').split('/').pop()?.startsWith(`${name}.`));
  const islandTags = [...html.matchAll(/<astro-island[^>]*>/g)].map((m) => m[0]).filter(wanted);
  const onLoad: string[] = [...moduleScripts];
  const onVisible: string[] = [];
  for (const tag of islandTags) {
    const files = [attr(tag, 'component-url'), attr(tag, 'renderer-url')].filter((f): f is string => !!f).map(toFile);
    (attr(tag, 'client') === 'visible' ? onVisible : onLoad).push(...files);
  }
  const eager = closure(onLoad, new Set());
  const visible = closure(onVisible, eager);
  const lazy = closure([...dynamicEntries], new Set([...eager, ...visible]));
  // Dynamic imports found while walking the lazy set itself.
  for (let more = true; more;) {
    const before = lazy.size;
    for (const f of closure([...dynamicEntries], new Set([...eager, ...visible]))) lazy.add(f);
    more = lazy.size > before;
  }
  const measure = (files: Set<string>): JsSet => {
    const list = [...files].sort();
    return {
      files: list,
      raw: list.reduce((n, f) => n + read(f).length, 0),
      gzip: list.reduce((n, f) => n + gz(read(f)), 0),
    };
  };
  return {
    inline: blocks(inlineScripts),
    data: blocks(dataBlocks),
    eager: measure(eager),
    visible: measure(visible),
    lazy: measure(lazy),
    sources,
  };
}
