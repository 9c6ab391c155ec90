/**
 * The lab as a reader sees it, in both languages at 360, 390, 768 and 1280 px: no sideways
 * scroll, bars with a width, no diagram label over another (or under a drawn line) in any
 * state of the controls, no text under 12 px, and the sample connection moving hop by hop to
 * where the engine sent it (or to the cross of a drop), or stepping one hop per press with
 * reduced motion.
 */
import type { Page } from '@playwright/test';
import { expect, lessonPages, test } from './fixtures';
import {
  applyState,
  arrowCrossings,
  controlStates,
  type ControlState,
  dotAt,
  dotInPod,
  dotOnCross,
  labelBoxes,
  overlaps,
  scrollThrough,
  smallText,
  toLastHop,
  visibleDrawing,
  widths,
} from './lab-helpers';
import { openPlayground, playgroundPages } from './playground-helpers';
import { hydrate, runExperiment } from './quiz-helpers';
import { builtPages } from './site-output';
import { resize, stepOnDrawingPage } from './viewport';

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The narrowest rendered bar of the visible charts, in px. */
const narrowestBar = (page: Page) =>
  page
    .locator('.live-chart__bar:visible')
    .evaluateAll((bars) => Math.min(...bars.map((b) => b.getBoundingClientRect().width)));

/** Shows the page at `width` (the phone height throughout). */
const at = (page: Page, width: number) => resize(page, width, 844);

/**
 * One width per drawing (the tall one on phones, the wide one from 640 px) for the tests that
 * play the motion: playback is a drawing's business, and each width costs a whole playback.
 * The layout test above the motion tests looks at every width.
 */
const motionWidths = [390, 1280] as const;

/** Opens a lesson at the narrowest width with the given motion preference and runs it once. */
async function openAndRun(page: Page, path: string, motion?: 'reduce' | 'no-preference'): Promise<void> {
  if (motion) await page.emulateMedia({ reducedMotion: motion });
  await at(page, widths[0]);
  await page.goto(path);
  await hydrate(page, 'quiz');
  await runExperiment(page);
}

/** Samples the dot every 50 ms (at most 6 s) until it has been at `enough` places; returns them. */
const dotPositions = (page: Page, enough: number) =>
  visibleDrawing(page).evaluate(async (svg, want) => {
    const seen = new Set<string>();
    for (let i = 0; i < 120 && seen.size < want; i++) {
      const dot = svg.querySelector('[data-testid="diagram-dot"]');
      seen.add(`${dot?.getAttribute('data-x')},${dot?.getAttribute('data-y')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return [...seen];
  }, enough);

/**
 * One control state of the lab at every width: the dot ends where the trace view says, the
 * page fits, every bar has a width, no diagram label covers another or has a line through it,
 * and the destination's counter (or the cross of a drop) shows the run.
 */
async function fitsAtEveryWidth(page: Page, state: ControlState): Promise<void> {
  await applyState(page, state);
  await toLastHop(page);
  // The dot sits where the trace view says this connection went, never on a stale pod.
  const destination = await page.getByTestId('live-diagram').getAttribute('data-destination');
  await expect(page.getByTestId('trace-summary')).toHaveAttribute('data-outcome', destination ?? '-');
  for (const width of widths) {
    await at(page, width);
    const where = `${width} px ${JSON.stringify(state)}`;
    const drawing = visibleDrawing(page);
    await expect(drawing).toHaveCount(1);
    const boxes = await labelBoxes(drawing);
    expect(boxes.length, where).toBeGreaterThan(10);
    expect(overlaps(boxes), where).toEqual([]);
    expect(await arrowCrossings(drawing, boxes), where).toEqual([]);
    // A pod's counter counts it; a connection that ends short of a pod (refused, timed out)
    // is counted beside the cross, which only the wide drawing has room for.
    const pod = await drawing.locator(`g.pod[data-pod="${destination}"]`).count();
    const counter = drawing.getByTestId(pod ? `diagram-count-${destination}` : 'diagram-count-dropped');
    if (pod || (await counter.count())) await expect(counter, where).not.toHaveText(/^\D*0\D*$/);
    else await expect(drawing.locator('.cross'), where).not.toHaveCount(0);
    expect(await narrowestBar(page), where).toBeGreaterThan(40);
    expect(await sideways(page), where).toBe(0);
  }
}

// Each locale loads and runs once, then checks every width on the same page: a resize is all a
// width changes (the drawing to show is CSS's choice), and runs are the slow part.
for (const lesson of lessonPages) {
  test.describe(`${lesson.locale} lab at ${widths.join(', ')} px`, () => {
    test('fits the screen, shows every bar, and no diagram label covers another in any control state', async ({
      page: first,
    }) => {
      test.setTimeout(180_000);
      // Layout only: no motion. The motion preference changes no box this test measures; the
      // tests below play the motion.
      const open = async (page: Page) => {
        await openAndRun(page, lesson.path, 'reduce');
        await hydrate(page, 'trace-view');
      };
      let page = first;
      await open(page);
      const states = await controlStates(page);
      expect(states.length).toBeGreaterThan(1);
      for (const state of states) {
        // A page that stops drawing after a resize goes on in a fresh one (viewport.ts).
        page = await stepOnDrawingPage(page, open, (current) => fitsAtEveryWidth(current, state));
      }
    });

    test('plays the sample connection hop by hop and ends where the engine sent it', async ({ page }) => {
      test.setTimeout(120_000);
      await openAndRun(page, lesson.path, 'no-preference');
      await hydrate(page, 'trace-view');
      const diagram = await hydrate(page, 'live-diagram');
      for (const width of motionWidths) {
        await at(page, width);
        await diagram.getByTestId('diagram-replay').click();
        await expect(diagram).toHaveAttribute('data-playing', 'true');
        // The packet's position over time, sampled in the page.
        const frames = await dotPositions(page, 7);
        expect(frames.length, `${width} px: the dot moves: ${frames.join(' ')}`).toBeGreaterThan(6);
        await expect(diagram).toHaveAttribute('data-playing', 'false', { timeout: 30_000 });
        const destination = (await diagram.getAttribute('data-destination')) ?? '';
        await expect(page.getByTestId('trace-summary')).toHaveAttribute('data-outcome', destination);
        expect(await dotInPod(page, destination), `${width} px: ${destination}`).toBe(true);
        expect(await sideways(page), `${width} px`).toBe(0);
      }
    });

    test('a drop stops the dot at the dropping node’s cross', async ({ page }) => {
      test.setTimeout(120_000);
      await openAndRun(page, lesson.path, 'no-preference');
      // Local policy, requests to the node without a pod: kube-proxy's DROP rule eats every
      // SYN, so each connection times out.
      await applyState(page, { 'live-policy': 'Local', 'live-node': 'node-3' });
      const diagram = page.getByTestId('live-diagram');
      await expect(diagram).toHaveAttribute('data-destination', 'timedOut');
      for (const width of motionWidths) {
        await at(page, width);
        await diagram.getByTestId('diagram-replay').click();
        await expect(diagram).toHaveAttribute('data-playing', 'false', { timeout: 30_000 });
        await expect(visibleDrawing(page).getByTestId('diagram-sample-cross')).toHaveCount(1);
        expect(await dotOnCross(page), `${width} px`).toBe(true);
        await expect(diagram.getByTestId('diagram-caption')).toHaveAttribute('data-kind', 'drop');
      }
    });

    test('with reduced motion a reader steps through one connection, one hop per press', async ({ page }) => {
      test.setTimeout(120_000);
      await openAndRun(page, lesson.path, 'reduce');
      const diagram = await hydrate(page, 'live-diagram');
      await expect(diagram).toHaveAttribute('data-step', '0');
      const steps = Number(await diagram.getAttribute('data-steps'));
      expect(steps).toBeGreaterThanOrEqual(3);
      const caption = diagram.getByTestId('diagram-caption');
      for (const width of widths) {
        await at(page, width);
        // "Start over" brings the first hop back.
        await diagram.getByTestId('diagram-replay').click();
        const seen = new Set<string>();
        for (let i = 0; i < steps; i++) {
          await expect(diagram).toHaveAttribute('data-step', String(i));
          const text = (await caption.textContent()) ?? '';
          expect(seen.has(text), `${width} px: each hop says something new`).toBe(false);
          seen.add(text);
          // No motion: the dot stands still between presses.
          const a = await dotAt(page);
          await page.waitForTimeout(300);
          expect(await dotAt(page)).toEqual(a);
          const next = diagram.getByTestId('diagram-next');
          if (i < steps - 1) await next.click();
          else await expect(next).toBeDisabled();
        }
        const destination = (await diagram.getAttribute('data-destination')) ?? '';
        // The last hop is the reply; the packet itself rests in its pod.
        expect(await dotInPod(page, destination), `${width} px`).toBe(true);
        // Readable on the screen: the caption wraps inside the viewport.
        const box = await caption.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0), `${width} px`).toBeLessThanOrEqual(width);
      }
    });
  });
}

test.describe('no sideways scroll and no text under 12 px', () => {
  // Every page the build wrote, by language (the 404 page with the English ones); each page is
  // loaded once and looked at across the widths by resizing.
  const built = builtPages().filter((path) => path !== '/');
  const groups = { en: built.filter((p) => !p.startsWith('/ko/')), ko: built.filter((p) => p.startsWith('/ko/')) };
  for (const [locale, paths] of Object.entries(groups)) {
    test(`every ${locale} page at 320, 360, 390, 768 and 1280 px`, async ({ page: first, watch }) => {
      test.setTimeout(240_000);
      // The 404 page is served with its status, which the browser logs as an error.
      watch.allowConsoleError(/status of 404/);
      expect(paths.length).toBeGreaterThan(10);
      let page = first;
      for (const path of paths) {
        const open = async (fresh: Page) => {
          await fresh.setViewportSize({ width: 320, height: 800 });
          await fresh.goto(path);
          await scrollThrough(fresh);
        };
        await open(page);
        // A page that stops drawing after a resize goes on in a fresh one (viewport.ts).
        page = await stepOnDrawingPage(page, open, async (current) => {
          for (const width of [320, 360, 390, 768, 1280]) {
            await resize(current, width, 800);
            expect(await sideways(current), `${path} at ${width} px`).toBe(0);
            if (width >= 360) expect(await smallText(current), `${path} at ${width} px`).toEqual([]);
          }
        });
      }
    });
  }
});

for (const pg of playgroundPages) {
  test(`${pg.locale} playground bars have a width on a phone`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPlayground(page, pg.path);
    await expect(page.locator('.live-chart__bar:visible').first()).toBeVisible();
    expect(await narrowestBar(page)).toBeGreaterThan(40);
    expect(await sideways(page)).toBe(0);
  });
}
