/**
 * Every lesson's live diagram, in both languages at 360, 768 and 1280 px, in every state of its
 * controls: no label or badge over another, and no drawn line (a route, the sample's path or
 * trail, a cross) through a label or a badge (issue 12). A line through "NodePort 30080" or
 * the SNAT tag strikes the words out, so lines stop at a badge's edge and the tag sits clear.
 * And on a laptop the diagram never rides over the rules or the trace as the page scrolls.
 */
import type { Locator, Page } from '@playwright/test';
import { everyLesson, expect, test } from './fixtures';
import {
  applyState,
  arrowCrossings,
  controlStates,
  labelBoxes,
  overlaps,
  toLastHop,
  visibleDrawing,
} from './lab-helpers';
import { hydrate, runExperiment } from './quiz-helpers';
import { resize, stepOnDrawingPage } from './viewport';

const sizes = [360, 768, 1280] as const;

// Every lesson in content/lessons, so a new lesson is checked without editing a list.
for (const { slug, locale, path } of everyLesson) {
  // One page per lesson and language: a run per control state is the slow part, and each
  // state is then looked at across the widths by resizing.
  test(`${locale} ${slug}: no line through a label and no label over another, in any state`, async ({
    page: first,
  }) => {
    test.setTimeout(240_000);
    // Boxes, not motion: each state is looked at on its last hop, stepped to with "Next",
    // rather than wherever the playback happened to be. The motion tests in lab-layout play it.
    const open = async (page: Page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: sizes[0], height: 844 });
      await page.goto(path);
      await hydrate(page, 'quiz');
      await runExperiment(page);
      // The diagram hydrates when it comes into view; an instant scroll to the controls jumps it.
      await hydrate(page, 'live-diagram');
    };
    let page = first;
    await open(page);
    // A badge names a real NodePort; a ClusterIP Service's diagram has none ("NodePort 0" was drawn).
    for (const text of await page.locator('.badge text').allTextContents()) expect(text).toMatch(/[1-9]\d*$/);
    const states = await controlStates(page);
    expect(states.length).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const state of states) {
      const found: string[] = [];
      // Each resize waits for the page to draw again; one that stopped goes on in a fresh
      // page, and the state is looked at there (viewport.ts says why).
      page = await stepOnDrawingPage(page, open, async (current) => {
        found.length = 0;
        await applyState(current, state);
        await expect(current.getByTestId('diagram-sample').first()).toBeAttached();
        // The last hop draws the most: the whole trail, the SNAT tag, a drop's cross.
        await toLastHop(current);
        for (const width of sizes) {
          await resize(current, width, 844);
          const drawing = visibleDrawing(current);
          await expect(drawing).toHaveCount(1);
          const boxes = await labelBoxes(drawing);
          const where = `${width} px ${JSON.stringify(state)}:`;
          for (const problem of [...overlaps(boxes), ...(await arrowCrossings(drawing, boxes))])
            found.push(`${where} ${problem}`);
        }
      });
      problems.push(...found);
    }
    // Every state and width is looked at before failing, so one run lists everything wrong.
    expect(problems).toEqual([]);
  });
}

// The lesson's static figures (drawn at build time, no island) follow the same rule.
for (const locale of ['en', 'ko'] as const) {
  test(`${locale} bounce's static figures: no line through a NodePort badge`, async ({ page }) => {
    await page.setViewportSize({ width: sizes[0], height: 844 });
    await page.goto(`/${locale}/challenges/bounce/`);
    // Two of the figures are in the solution, a closed disclosure until the reader opens it.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const figures = page.locator('figure.diagram:not(.live-diagram)');
    expect(await figures.count()).toBeGreaterThanOrEqual(3);
    const problems: string[] = [];
    for (const width of sizes) {
      await resize(page, width, 844);
      for (const figure of await figures.all()) {
        const drawing = figure.locator('svg.diagram__svg:visible');
        await expect(drawing).toHaveCount(1);
        const boxes = await labelBoxes(drawing);
        // One badge per node, whatever the language calls it.
        expect(boxes.filter((b) => /[1-9]\d*$/.test(b.what)).length).toBe(3);
        for (const found of await arrowCrossings(drawing, boxes))
          problems.push(`${width} px #${await figure.getAttribute('id')}: ${found}`);
      }
    }
    expect(problems).toEqual([]);
  });
}

/** Whether two elements' boxes on screen overlap by more than half a pixel each way. */
async function covers(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = [await a.boundingBox(), await b.boundingBox()];
  if (!p || !q) return false;
  const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
  const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
  return w > 0.5 && h > 0.5;
}

test('at 1280 px the diagram covers neither the rules nor the trace at any scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/en/challenges/bounce/');
  await hydrate(page, 'quiz');
  await runExperiment(page);
  await hydrate(page, 'live-diagram');
  const rules = await hydrate(page, 'rules-view');
  const trace = await hydrate(page, 'trace-view');
  const diagram = page.getByTestId('live-diagram');
  // From the lab's top down past the trace, so the rules' intro and the trace table's right-hand
  // columns each pass the top of the screen, where a sticky diagram would sit.
  const top = await page.getByTestId('live-lesson').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const end = await trace.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  const seen: string[] = [];
  for (let y = top; y < end; y += 200) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    if (await covers(diagram, rules)) seen.push(`rules at scroll ${Math.round(y)}`);
    if (await covers(diagram, trace)) seen.push(`trace at scroll ${Math.round(y)}`);
  }
  expect(seen).toEqual([]);
});
