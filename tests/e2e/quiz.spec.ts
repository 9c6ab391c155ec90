/**
 * The live lesson in both languages: pick each answer and run, and the grade is the one the
 * numbers on screen support; the chart, the diagram and the rules' pkts counters tell the
 * same story; Local changes the answer; the answer and the run survive a reload.
 */
import { exactShares, lessonOptions, rightOption } from './exact-shares';
import { expect, lessonPages, test } from './fixtures';
import { chartCounts, hydrate, openDump, pick, rulePkts, runExperiment } from './quiz-helpers';

for (const lesson of lessonPages) {
  test.describe(`${lesson.locale} live lesson`, () => {
    for (const option of ['a', 'b', 'c', 'd']) {
      test(`answer ${option}: the grade is what the numbers show, and every view agrees`, async ({ page }) => {
        await page.goto(lesson.path);
        await hydrate(page, 'quiz');
        await pick(page, option);
        await runExperiment(page);

        const counts = await chartCounts(page);
        const results = page.getByTestId('results');
        const total = Number(await results.getAttribute('data-total'));
        expect(total).toBe(1000);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);

        // The right answer, found without the engine's grader: pod 2's exact share from the
        // rules on screen, matched against the lesson's own claims…
        await hydrate(page, 'rules-view');
        await openDump(page);
        const lines = await page.locator('[data-testid="rules-lines"] li .live-rule__code').allTextContents();
        const shares = exactShares(lines, 30080);
        expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        const correct = rightOption(lessonOptions(lesson.locale, 'bounce'), shares.get('10.244.2.2:8080') ?? 0) ?? '';
        // …and 1,000 connections must show it: pod 2's observed share lies within 0.1 of it.
        expect(Math.abs((counts['pod-2'] ?? 0) / total - (shares.get('10.244.2.2:8080') ?? 0))).toBeLessThan(0.1);
        await expect(results).toHaveAttribute('data-correct', correct);
        await expect(results).toHaveAttribute('data-verdict', option === correct ? 'correct' : 'wrong');
        await expect(page.getByTestId('grade')).toContainText(correct.toUpperCase());
        await expect(page.getByTestId('announcement')).toContainText(correct.toUpperCase());
        const share = /(\d+)[.,](\d{2})\s*%/.exec((await page.getByTestId('observed-share').textContent()) ?? '');
        expect(Number(`${share?.[1]}.${share?.[2]}`)).toBe(Math.round(((counts['pod-2'] ?? 0) / total) * 10000) / 100);

        // The diagram counts the same connections per pod.
        await hydrate(page, 'live-diagram');
        for (const pod of ['pod-1', 'pod-2']) {
          const counter = page.locator(`.diagram__svg--wide [data-testid="diagram-count-${pod}"]`);
          await expect(counter).toHaveText(new RegExp(`^\\D*${(counts[pod] ?? 0).toLocaleString('en')}\\D*$`));
        }

        // The rules view's pkts: each pod's DNAT rule on node 2 fired once per connection it got.
        await hydrate(page, 'rules-view');
        expect(await rulePkts(page, '--to-destination 10.244.1.2:8080')).toBe(counts['pod-1']);
        expect(await rulePkts(page, '--to-destination 10.244.2.2:8080')).toBe(counts['pod-2']);
        expect(
          await rulePkts(page, '-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport 30080'),
        ).toBe(total);
        // …and the solution opened once the reader had answered.
        await expect(page.getByTestId('solution')).toHaveAttribute('open', '');
      });
    }

    test('a run without an answer shows where connections went but no verdict; picking one grades that run', async ({
      page,
    }) => {
      await page.goto(lesson.path);
      await hydrate(page, 'quiz');
      await runExperiment(page);
      const results = page.getByTestId('results');
      await expect(results).toHaveAttribute('data-verdict', 'unanswered');
      await expect(results).toHaveAttribute('data-correct', '');
      expect(Object.values(await chartCounts(page)).reduce((a, b) => a + b, 0)).toBe(1000);
      await expect(page.getByTestId('verdict-summary')).toHaveCount(0);
      await expect(page.getByTestId('why')).toHaveCount(0);
      await expect(page.getByTestId('interval')).toHaveCount(0);
      await expect(page.getByTestId('solution')).not.toHaveAttribute('open', '');
      const run = await results.getAttribute('data-run');
      await pick(page, 'c');
      await expect(results).toHaveAttribute('data-verdict', 'wrong');
      await expect(results).toHaveAttribute('data-run', run ?? '');
      await expect(page.getByTestId('verdict-summary')).toHaveAttribute('data-verdict', 'wrong');
      await expect(page.getByTestId('why')).toHaveCount(1);
    });

    test('switching to Local changes the answer to a; node 3 under Local drops everything: d', async ({ page }) => {
      await page.goto(lesson.path);
      await hydrate(page, 'quiz');
      await pick(page, 'b');
      await runExperiment(page);
      const first = await page.getByTestId('results').getAttribute('data-run');
      const seed = first?.split('-').at(-1);

      const controls = await hydrate(page, 'scenario-controls');
      await controls.locator('input[name="live-policy"][value="Local"]').check();
      const results = page.getByTestId('results');
      await expect(results).toHaveAttribute('data-run', `Local-node-2-1000-${seed}`);
      await expect(results).toHaveAttribute('data-correct', 'a');
      await expect(results).toHaveAttribute('data-verdict', 'wrong');
      expect(await chartCounts(page)).toEqual({ 'pod-1': 0, 'pod-2': 1000, timedOut: 0 });

      await controls.locator('input[name="live-node"][value="node-3"]').check();
      await expect(results).toHaveAttribute('data-run', `Local-node-3-1000-${seed}`);
      await expect(results).toHaveAttribute('data-correct', 'd');
      expect(await chartCounts(page)).toEqual({ 'pod-1': 0, 'pod-2': 0, timedOut: 1000 });
      // The question names the node the requests now go to.
      await expect(page.getByTestId('quiz').locator('legend')).toContainText('192.168.10.13:30080');
      await hydrate(page, 'live-diagram');
      await expect(page.locator('.diagram__svg--wide [data-testid="diagram-count-dropped"]')).toContainText('1,000');
      const rules = await hydrate(page, 'rules-view');
      await expect(rules).toHaveAttribute('data-node', 'node-3');
    });

    test('the answer and the last run survive a reload', async ({ page }) => {
      await page.goto(lesson.path);
      await hydrate(page, 'quiz');
      await pick(page, 'c');
      await page.getByTestId('quiz').locator('select').selectOption('10000');
      await runExperiment(page);
      const run = await page.getByTestId('results').getAttribute('data-run');
      const counts = await chartCounts(page);

      await page.reload();
      await hydrate(page, 'quiz');
      await expect(page.locator('input[name="live-answer"][value="c"]')).toBeChecked();
      await expect(page.getByTestId('results')).toHaveAttribute('data-run', run ?? '');
      expect(await chartCounts(page)).toEqual(counts);
      await hydrate(page, 'rules-view');
      expect(await rulePkts(page, '--to-destination 10.244.2.2:8080')).toBe(counts['pod-2']);
    });

    test('a run shows its progress as a progress bar', async ({ page }) => {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(lesson.path);
      await hydrate(page, 'quiz');
      await page.getByTestId('quiz').locator('select').selectOption('100000');
      await runExperiment(page);
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      // Slices of 5,000: the bar moves in steps and the page paints between them.
      const done = seen.map((s) => Number(s.split('/')[0]));
      expect(done.length).toBeGreaterThan(1);
      expect(done.some((n) => n > 0 && n < 100_000)).toBe(true);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      await expect(page.locator('[role="progressbar"]')).toHaveCount(0);
    });

    test('the trace view follows one connection, and "show another" draws the next', async ({ page }) => {
      await page.goto(`${lesson.path}?seed=42`);
      await expect(page.getByTestId('results')).toHaveAttribute('data-run', 'Cluster-node-2-1000-42');
      const trace = await hydrate(page, 'trace-view');
      const table = trace.getByTestId('trace-table');
      await expect(table.locator('tbody tr').first()).toContainText('192.168.10.100');
      await expect(table).toContainText('-A KUBE-NODEPORTS');
      await expect(table).toContainText('DNAT to 10.244.');
      const first = await trace.getByTestId('trace-summary').textContent();
      await trace.getByTestId('trace-another').click();
      await expect(trace.getByTestId('trace-summary')).not.toHaveText(first ?? '');
      await expect(trace.getByTestId('trace-summary')).toContainText(
        lesson.locale === 'en' ? 'Sample connection 2' : '샘플 연결 2',
      );
    });

    test('the rules view explains a line on focus and copies the nat table', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(lesson.path);
      const rules = await hydrate(page, 'rules-view');
      await openDump(page);
      const line = rules.locator('[data-testid="rules-lines"] li', { hasText: '--probability 0.5000000000' });
      await line.click();
      await expect(line).toBeFocused();
      await expect(rules.getByTestId('rules-explain')).toContainText(
        lesson.locale === 'en' ? 'With probability 0.5000000000' : '0.5000000000의 확률로',
      );
      await rules.getByTestId('rules-copy').click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith('*nat\n:PREROUTING ACCEPT [0:0]\n')).toBe(true);
      expect(copied.trimEnd().endsWith('COMMIT')).toBe(true);
      expect(copied).not.toContain('*filter');
      await rules.getByTestId('rules-node').selectOption('node-1');
      await expect(rules).toHaveAttribute('data-node', 'node-1');
      await expect(rules.locator('[data-testid="rules-lines"]')).toContainText('-A KUBE-SEP-');
    });

    test('a long rule wraps between whole options, and no option is drawn over another', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(lesson.path);
      await hydrate(page, 'rules-view');
      await openDump(page);
      const line = page.locator('[data-testid="rules-lines"] li', { hasText: '--probability 0.5000000000' }).first();
      const boxes = await line.locator('.live-opt').evaluateAll((els) =>
        els.map((e) => {
          // Where the text is drawn, not the option's box: an inherited indent moves the text
          // out of its box.
          const range = document.createRange();
          range.selectNodeContents(e);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      expect(boxes.length).toBeGreaterThan(3);
      // The rule is longer than a phone's line, so it must wrap onto several lines.
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBeGreaterThan(1);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          expect(overlapX > 0.5 && overlapY > 0.5, `option ${i} and option ${j} overlap`).toBe(false);
        }
    });
  });
}
