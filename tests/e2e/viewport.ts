/**
 * Resizing the page in a browser test, and making sure it still draws afterwards.
 *
 * Three CI runs each lost a whole test to one Playwright wait that never ended: "waiting for
 * element to be stable" on an island, the first frame-bound step after a run of resizes (in
 * lab-arrows' and lab-layout's loops over control states and widths). Playwright decides
 * "stable" only inside requestAnimationFrame callbacks, so the page had stopped producing
 * frames, or stopped answering at all. It never happened here, in thousands of resizes with
 * both cores loaded, so rather than guess a cause the resize checks for it: after each one a
 * frame must come, and if none does, the test says which of the two it was and tries once
 * more to get the page drawing by setting its size again.
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

/**
 * Makes sure the page is drawing: a frame must come within a few seconds. A page that draws
 * none is given its size again (a new size is a new frame to draw); if it still draws none,
 * this throws, saying whether the page drew nothing or did not answer at all.
 */
export async function ensureDrawing(page: Page, what: string): Promise<void> {
  let outcome = await nextFrame(page);
  if (outcome === 'frame') return;
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  console.warn(`${what}: ${outcome} within ${FRAME_WAIT_MS} ms; setting the viewport size again`);
  await page.setViewportSize({ ...size, height: size.height + 1 });
  await page.setViewportSize(size);
  outcome = await nextFrame(page);
  if (outcome === 'frame') return console.warn(`${what}: drawing again`);
  throw new Error(`${what}: the page stopped drawing (${outcome})`);
}

/** Sets the viewport and waits until the page draws a frame at the new size. */
export async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await ensureDrawing(page, `after resizing to ${width}×${height}`);
}
