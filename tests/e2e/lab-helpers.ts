/**
 * Helpers for the lab's layout browser tests: every state of the scenario controls, the
 * visible drawing of the live diagram, overlapping labels, lines drawn through labels, and
 * where the sample dot is.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { hydrate } from './quiz-helpers';

/** The widths the lab is checked at: two phones, a tablet, a laptop. */
export const widths = [360, 390, 768, 1280] as const;

/** One state of the controls: a value per radio group name. */
export type ControlState = Readonly<Record<string, string>>;

/** Every combination of the scenario controls' radio groups, read from the page. */
export async function controlStates(page: Page): Promise<ControlState[]> {
  const controls = await hydrate(page, 'scenario-controls');
  const radios = await controls
    .locator('input[type="radio"]')
    .evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value] as const));
  const groups = new Map<string, string[]>();
  for (const [name, value] of radios) groups.set(name, [...(groups.get(name) ?? []), value]);
  let states: ControlState[] = [{}];
  for (const [name, values] of groups) states = states.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
  return states;
}

/** Sets the controls to `state` and waits for the run that follows to be on screen and drawn. */
export async function applyState(page: Page, state: ControlState): Promise<void> {
  // Until the controls hydrate, a click only flips the server-rendered radio and starts no run.
  const controls = await hydrate(page, 'scenario-controls');
  for (const [name, value] of Object.entries(state)) {
    const input = controls.locator(`input[name="${name}"][value="${value}"]`);
    if (await input.isChecked()) continue;
    const results = page.getByTestId('results');
    const before = await results.getAttribute('data-run');
    await input.check();
    await expect(results).not.toHaveAttribute('data-run', before ?? '-');
    await expect(page.getByTestId('quiz')).toHaveAttribute('data-status', 'idle');
  }
  await expect(page.getByTestId('live-diagram')).not.toHaveAttribute('data-destination', '');
}

/**
 * Steps the sample connection to its last hop with "Next" (the reader's way under reduced
 * motion), where everything it draws is on screen at once: the whole trail, the SNAT tag and,
 * for a drop, the cross.
 */
export async function toLastHop(page: Page): Promise<void> {
  const diagram = page.getByTestId('live-diagram');
  await expect(diagram).toHaveAttribute('data-motion', 'steps');
  const steps = Number(await diagram.getAttribute('data-steps'));
  expect(steps, 'the sample connection has hops').toBeGreaterThan(0);
  for (let step = Number(await diagram.getAttribute('data-step')); step < steps - 1; step++) {
    await page.getByTestId('diagram-next').click();
    await expect(diagram).toHaveAttribute('data-step', String(step + 1));
  }
  await expect(page.getByTestId('diagram-next')).toBeDisabled();
}

/** The drawing of the live diagram that this width shows (one of two is hidden by CSS). */
export function visibleDrawing(page: Page): Locator {
  return page.locator('[data-testid="live-diagram"] svg.diagram__svg:visible');
}

/** A box on screen. */
export interface Box {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The screen boxes of every text label and NodePort badge of a drawing. A text's box runs
 * from its baseline up 0.9 em and down 0.25 em (where Hangul and Latin ink lies, descenders
 * included) rather than its font's line box: Noto Sans CJK, Linux's usual Korean font, has a
 * line box of 1.45 em, so two lines that do not touch on screen would "overlap" by it.
 */
export async function labelBoxes(drawing: Locator): Promise<Box[]> {
  return drawing.evaluate((svg) =>
    [...svg.querySelectorAll('.d-label, .badge')].map((el) => {
      const r = el.getBoundingClientRect();
      const what = (el.textContent ?? '').trim();
      const ctm = el instanceof SVGTextElement ? el.getScreenCTM() : null;
      const y = el.getAttribute('y');
      if (!ctm || y === null) return { what, x: r.x, y: r.y, width: r.width, height: r.height };
      const baseline = new DOMPoint(Number(el.getAttribute('x') ?? 0), Number(y)).matrixTransform(ctm).y;
      const em = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(ctm.b, ctm.d);
      return { what, x: r.x, y: baseline - 0.9 * em, width: r.width, height: 1.15 * em };
    }),
  );
}

/** Pairs of boxes that overlap by more than `slack` pixels each way. */
export function overlaps(boxes: readonly Box[], slack = 0.5): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > slack && h > slack) found.push(`"${a.what}" × "${b.what}"`);
    }),
  );
  return found;
}

/**
 * Drawn lines of a drawing (routes, the sample's path and trail, crosses) that run through a
 * label or badge box: each path is sampled every 2 drawing units, each point taken to the
 * screen, and a point counts when it lies inside a box grown by half the line's drawn width
 * (less `slack` pixels), so a line's edge touching a label counts, not only its centre.
 */
export async function arrowCrossings(drawing: Locator, boxes: readonly Box[], slack = 0.5): Promise<string[]> {
  const lines = await drawing.evaluate((svg) =>
    [...svg.querySelectorAll<SVGPathElement>('path.route, path.cross, .live-sample path')].map((path) => {
      const ctm = path.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const half = (parseFloat(getComputedStyle(path).strokeWidth) * scale) / 2;
      const total = path.getTotalLength();
      const points: [number, number][] = [];
      for (let at = 0; ctm && at <= total; at += Math.min(2, total || 1)) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        points.push([p.x, p.y]);
      }
      return { what: path.getAttribute('class') ?? 'path', half, points };
    }),
  );
  const found = new Set<string>();
  for (const line of lines) {
    const grow = line.half - slack;
    for (const box of boxes) {
      const hit = line.points.some(
        ([x, y]) =>
          x > box.x - grow && x < box.x + box.width + grow && y > box.y - grow && y < box.y + box.height + grow,
      );
      if (hit) found.add(`${line.what} × "${box.what}"`);
    }
  }
  return [...found];
}

/** The sample dot's position in drawing units, as the diagram last placed it. */
export async function dotAt(page: Page): Promise<{ x: number; y: number }> {
  const dot = visibleDrawing(page).getByTestId('diagram-dot');
  return { x: Number(await dot.getAttribute('data-x')), y: Number(await dot.getAttribute('data-y')) };
}

/** Whether the dot's centre is inside the named pod's box (screen coordinates). */
export async function dotInPod(page: Page, pod: string): Promise<boolean> {
  return visibleDrawing(page).evaluate((svg, name) => {
    const dot = svg.querySelector('[data-testid="diagram-dot"]')?.getBoundingClientRect();
    const box = svg.querySelector(`g.pod[data-pod="${name}"] rect`)?.getBoundingClientRect();
    if (!dot || !box) return false;
    const cx = dot.x + dot.width / 2;
    const cy = dot.y + dot.height / 2;
    return cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height;
  }, pod);
}

/** Whether the dot's centre is on the sample's cross (a drop). */
export async function dotOnCross(page: Page): Promise<boolean> {
  return visibleDrawing(page).evaluate((svg) => {
    const dot = svg.querySelector('[data-testid="diagram-dot"]')?.getBoundingClientRect();
    const cross = svg.querySelector('[data-testid="diagram-sample-cross"]')?.getBoundingClientRect();
    if (!dot || !cross) return false;
    const cx = dot.x + dot.width / 2;
    const cy = dot.y + dot.height / 2;
    return (
      cx >= cross.x - 1 && cx <= cross.x + cross.width + 1 && cy >= cross.y - 1 && cy <= cross.y + cross.height + 1
    );
  });
}

/** Text on the page drawn under 12 px: HTML by its computed size, SVG text by its size as scaled. */
export async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || el.closest('.sr-only, script, style, noscript, title, desc'))
        continue;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (cs.visibility === 'hidden' || (r.width === 0 && r.height === 0)) continue;
      let size = parseFloat(cs.fontSize);
      const svg = el.closest('svg');
      const box = svg?.viewBox.baseVal;
      if (svg && box && box.width > 0) size *= svg.getBoundingClientRect().width / box.width;
      if (size < 11.95)
        out.add(`${size.toFixed(1)} px: ${el.tagName.toLowerCase()} "${(n.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return [...out];
  });
}

/** Scrolls the whole page so every island hydrates, then back to the top. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    window.scrollTo(0, 0);
  });
  // A fast scroll can pass an island between two observer callbacks, as a reader's fling
  // can; a reader who stops on it hydrates it, so stop on each one still waiting.
  const waiting = page.locator('astro-island[ssr]');
  for (let left = await waiting.count(); left > 0; left = await waiting.count()) {
    await waiting.first().evaluate((island) => (island.firstElementChild ?? island).scrollIntoView());
    await expect.poll(() => waiting.count()).toBeLessThan(left);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
