/**
 * Resizing the page in a browser test, and what to do when the page stops drawing.
 *
 * Three CI runs each lost a whole test to one Playwright wait that never ended: "waiting for
 * element to be stable" on an island, the first frame-bound step after a run of resizes (in
 * lab-arrows' and lab-layout's loops over control states and widths). Playwright decides
 * "stable" only inside requestAnimationFrame callbacks, so the page had stopped producing
 * frames. One local run caught it: after a resize to 768×844 no frame came, setting the size
 * again brought none, and the page still ran scripts. It is rare (no stall in thousands of
 * resizes, loaded or not) and its cause is inside headless Chromium, so the tests check for
 * it rather than guess: each resize waits for a frame, tries cures when none comes (logging
 * which worked), and a loop's step on a page that stays frozen runs again in a fresh page.
 */
import type { Page } from '@playwright/test';

/** How long a frame may take after a resize before the page counts as not drawing. */
const FRAME_WAIT_MS = 3_000;
/** How long the page may take to answer at all. */
const ANSWER_WAIT_MS = 10_000;

type Outcome = 'frame' | 'no frame' | 'no answer';

/** Waits for one animation frame, telling a page that draws from one that does not or that hangs. */
async function nextFrame(page: Page): Promise<Outcome> {
  const frame = page.evaluate(
    (wait) =>
      new Promise<Outcome>((resolve) => {
        requestAnimationFrame(() => resolve('frame'));
        // Timers run without frames, so this tells "no frame" from a page that is stuck.
        setTimeout(() => resolve('no frame'), wait);
      }),
    FRAME_WAIT_MS,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve('no answer'), ANSWER_WAIT_MS)));
  try {
    return await Promise.race([frame, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** A page that stopped drawing and that no cure got going again. */
export class StoppedDrawing extends Error {
  override name = 'StoppedDrawing';
}

/** Ways to get a page drawing again, gentlest first, each named for the log. */
const cures: readonly (readonly [string, (page: Page) => Promise<unknown>])[] = [
  [
    'setting its size again',
    async (page) => {
      const size = page.viewportSize() ?? { width: 1280, height: 720 };
      await page.setViewportSize({ ...size, height: size.height + 1 });
      await page.setViewportSize(size);
    },
  ],
  ['bringing it to the front', (page) => page.bringToFront()],
  ['moving the mouse over it', (page) => page.mouse.move(5, 5)],
  ['taking a screenshot', (page) => page.screenshot({ timeout: 10_000 })],
];

/**
 * Makes sure the page is drawing: a frame must come within a few seconds. A page that draws
 * none is tried with each cure in turn, and the log says which one got it drawing; if none
 * does, this throws, saying whether the page drew nothing or did not answer at all.
 */
export async function ensureDrawing(page: Page, what: string): Promise<void> {
  let outcome = await nextFrame(page);
  if (outcome === 'frame') return;
  const state = await Promise.race([
    page.evaluate(() => `${document.visibilityState}, focus ${document.hasFocus()}`),
    new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), ANSWER_WAIT_MS)),
  ]);
  console.warn(`${what}: ${outcome} within ${FRAME_WAIT_MS} ms (page ${state})`);
  for (const [name, cure] of cures) {
    await cure(page).catch((error: unknown) => console.warn(`${what}: ${name} failed: ${String(error)}`));
    outcome = await nextFrame(page);
    if (outcome === 'frame') return console.warn(`${what}: drawing again after ${name}`);
    console.warn(`${what}: still ${outcome} after ${name}`);
  }
  throw new StoppedDrawing(`${what}: the page stopped drawing (${outcome})`);
}

/** Sets the viewport and waits until the page draws a frame at the new size. */
export async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await ensureDrawing(page, `after resizing to ${width}×${height}`);
}

/**
 * Runs one step of a loop over a page, and returns the page to go on with. If the page stops
 * drawing during the step (a StoppedDrawing, or any failure after which the page draws no
 * frame), the page is closed and the step runs once more in a fresh page that `open`
 * has brought to the same point: a hung page is the browser's fault, not the lesson's, and the
 * fresh page still has to pass every check. Any other failure is the test's, as it was.
 */
export async function stepOnDrawingPage(
  page: Page,
  open: (fresh: Page) => Promise<void>,
  step: (current: Page) => Promise<void>,
): Promise<Page> {
  try {
    await step(page);
    return page;
  } catch (error) {
    // Only a page shown not to be drawing is replaced; a failure on a drawing page stands.
    const stalled = error instanceof StoppedDrawing || (await nextFrame(page)) !== 'frame';
    if (!stalled) throw error;
    console.warn(`${String(error).split('\n')[0]}: going on in a fresh page`);
    const fresh = await page.context().newPage();
    await page.close();
    await open(fresh);
    await step(fresh);
    return fresh;
  }
}
