/**
 * The source-ip and hairpin labs in the browser, in both languages: newsletter links
 * (?answer=, seed, controls) land graded, and turning the control each lesson names changes
 * the graded answer. The answers come from the engine's run in the page (data-correct), never
 * from the test.
 */
import { expect, test } from './fixtures';
import { graded, hydrate, pick, runExperiment } from './quiz-helpers';

// Each test runs the engine several times (one run per link or control); a shared, loaded
// machine needs more than the default 30 s for that.
test.describe.configure({ timeout: 120_000 });

for (const locale of ['en', 'ko'] as const) {
  const sourceIp = `/${locale}/challenges/source-ip/`;
  const hairpin = `/${locale}/challenges/hairpin/`;

  test.describe(`${locale} source-ip lab`, () => {
    test('?answer=b lands graded right: pod 2 sees node 1’s address', async ({ page }) => {
      await page.goto(`${sourceIp}?answer=b&seed=42`);
      expect(await graded(page)).toEqual(['b', 'correct']);
      await expect(page.locator('input[name="live-answer"][value="b"]')).toBeChecked();
      await expect(page.getByTestId('link-notices')).toHaveText('');
    });

    test('control links change the answer: Local from node 1 is d, Local at node 2 is a, node 2 is c', async ({
      page,
    }) => {
      await page.goto(`${sourceIp}?answer=b&policy=Local&seed=3`);
      expect(await graded(page)).toEqual(['d', 'wrong']);
      await page.goto(`${sourceIp}?answer=a&policy=Local&node=node-2&seed=3`);
      expect(await graded(page)).toEqual(['a', 'correct']);
      await page.goto(`${sourceIp}?answer=c&node=2&seed=3`);
      expect(await graded(page)).toEqual(['c', 'correct']);
      await page.goto(`${sourceIp}?answer=b&datapath=nftables&node=node-3&seed=9`);
      expect(await graded(page)).toEqual(['b', 'correct']);
    });

    test('flipping externalTrafficPolicy in the lab changes the graded answer', async ({ page }) => {
      await page.goto(sourceIp);
      await hydrate(page, 'quiz');
      await pick(page, 'b');
      await runExperiment(page);
      expect(await graded(page)).toEqual(['b', 'correct']);
      const controls = await hydrate(page, 'scenario-controls');
      await controls.locator('input[value="Local"]').first().check();
      await runExperiment(page);
      expect((await graded(page))[0]).toBe('d');
    });

    test('the question and option b follow the entry node', async ({ page }) => {
      await page.goto(`${sourceIp}?node=node-3&seed=1`);
      await hydrate(page, 'quiz');
      await expect(page.getByTestId('quiz')).toContainText('192.168.10.13');
      await expect(page.getByTestId('quiz')).not.toContainText('{entryNode');
    });
  });

  test.describe(`${locale} hairpin lab`, () => {
    test('?answer=c lands graded right: half come back, seen from 10.244.1.1', async ({ page }) => {
      await page.goto(`${hairpin}?answer=c&seed=42`);
      expect(await graded(page)).toEqual(['c', 'correct']);
      await expect(page.getByTestId('quiz')).toContainText('10.244.1.1');
    });

    test('control links change the answer: itp Local is d, pod-1 not ready is a, pod-2 calling stays c', async ({
      page,
    }) => {
      await page.goto(`${hairpin}?answer=c&itp=Local&seed=5`);
      expect(await graded(page)).toEqual(['d', 'wrong']);
      await page.goto(`${hairpin}?answer=a&ready-pod-1=notReady&seed=5`);
      expect(await graded(page)).toEqual(['a', 'correct']);
      await page.goto(`${hairpin}?answer=c&client=pod-2&seed=5`);
      expect(await graded(page)).toEqual(['c', 'correct']);
      await expect(page.getByTestId('quiz')).toContainText('10.244.2.1');
    });

    test('flipping internalTrafficPolicy in the lab changes the graded answer', async ({ page }) => {
      await page.goto(hairpin);
      await hydrate(page, 'quiz');
      await pick(page, 'c');
      await runExperiment(page);
      expect(await graded(page)).toEqual(['c', 'correct']);
      const controls = await hydrate(page, 'scenario-controls');
      await controls.locator('input[value="Local"]').first().check();
      await runExperiment(page);
      expect((await graded(page))[0]).toBe('d');
    });
  });
}
