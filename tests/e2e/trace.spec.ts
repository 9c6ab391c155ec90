/**
 * The trace page ("bring your own rules") in a real browser, both locales: the example traced
 * end to end with the exact numbers, a pasted dump, dumps with problems, hostile text,
 * keyboard-only use, the remember toggle, and axe.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';

const pages = [
  {
    locale: 'en',
    path: '/en/trace/',
    trace: 'Trace the packet',
    example: 'Load the example',
    thisNode: 'the node itself answers',
    yes: 'yes',
    // How the problems below read: the engine's own words, or the page's language.
    unsupported: 'match module "-m frobnicate" is not supported',
    noChain: 'chain NO-SUCH-CHAIN does not exist in table nat',
    jumpLoop: 'jump loop',
  },
  {
    locale: 'ko',
    path: '/ko/trace/',
    trace: '패킷 추적',
    example: '예제 불러오기',
    thisNode: '응답한 곳: 이 노드 자신',
    yes: '예',
    unsupported: '매치 모듈 -m frobnicate는 지원하지 않습니다',
    noChain: 'nat 테이블에 NO-SUCH-CHAIN 체인이 없습니다',
    jumpLoop: '점프가 순환합니다',
  },
] as const;

/** Opens the page and waits for the island to hydrate (toolchain gotcha 1). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

async function traceAndWait(page: Page): Promise<void> {
  await page.getByTestId('trace-submit').click();
  await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
}

/** A small dump whose lines are filled into a nat table around the bounce rules. */
function natDump(lines: readonly string[]): string {
  return [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':POSTROUTING ACCEPT [0:0]',
    ...lines,
    'COMMIT',
    '',
  ].join('\n');
}

/** Puts text in the rules box as a paste would (input event), then sets the packet fields. */
async function pasteRules(
  page: Page,
  text: string,
  packet: { src?: string; dst: string; port: string; local: string },
): Promise<void> {
  await page.getByTestId('trace-text').fill(text);
  if (packet.src !== undefined) await page.getByTestId('trace-src').fill(packet.src);
  await page.getByTestId('trace-dst').fill(packet.dst);
  await page.getByTestId('trace-port').fill(packet.port);
  await page.getByTestId('trace-local').fill(packet.local);
}

for (const p of pages) {
  test.describe(p.path, () => {
    test('the example traces to pod 1 and pod 2 at exactly 50% each, masqueraded', async ({ page }) => {
      await open(page, p.path);
      await page.getByRole('button', { name: p.example, exact: true }).click();
      await expect(page.getByTestId('trace-local')).toHaveValue('192.168.10.12, 127.0.0.1');
      await page.getByRole('button', { name: p.trace }).click();
      await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });

      const rows = page.getByTestId('trace-exact').locator('tbody tr');
      await expect(rows).toHaveCount(2);
      const byDestination = Object.fromEntries(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-destination'),
            [Number(tr.getAttribute('data-probability')), tr.getAttribute('data-verdict')],
          ]),
        ),
      );
      expect(byDestination).toEqual({ '10.244.1.2:8080': [0.5, 'DNAT'], '10.244.2.2:8080': [0.5, 'DNAT'] });
      // Masquerade column says yes for both (ETP Cluster marks every external connection).
      for (const cells of await rows.locator('td:nth-child(3)').allTextContents()) expect(cells).toBe(p.yes);

      // The run: 10,000 connections, split between the two, each near half.
      const counts = await page
        .getByTestId('trace-run')
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-count'))));
      expect(counts).toHaveLength(2);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
      for (const c of counts) expect(Math.abs(c - 5_000)).toBeLessThan(400);

      // The sampled packet's trace lists rules, and the matching ones are marked in the dump.
      await expect(page.getByTestId('trace-table').locator('tbody tr[data-matched="true"]').first()).toBeVisible();
      await expect(page.getByTestId('trace-dump').locator('[data-mark="matched"]').first()).toBeAttached();
      const matchedLines = await page
        .getByTestId('trace-table')
        .locator('tbody tr[data-matched="true"]')
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))).filter((n) => n > 0));
      expect(matchedLines.length).toBeGreaterThan(3);
      for (const n of matchedLines)
        await expect(page.getByTestId('trace-dump').locator(`[data-line="${n}"]`)).toHaveAttribute(
          'data-mark',
          'matched',
        );
    });

    test('"sent from this node" fills in the node\'s address, traces through OUTPUT, and gives the client back', async ({
      page,
    }) => {
      await open(page, p.path);
      await page.getByRole('button', { name: p.example, exact: true }).click();
      const box = page.getByTestId('trace-from-node');
      const client = await page.getByTestId('trace-src').inputValue();
      await expect(box).not.toBeChecked();
      await box.check();
      await expect(page.getByTestId('trace-src')).toHaveValue('192.168.10.12');
      await traceAndWait(page);
      await expect(page.getByTestId('trace-from-node-note')).toContainText('192.168.10.12');
      // Sent by the node to its own NodePort: the rules kube-proxy writes still split it 50/50.
      const rows = page.getByTestId('trace-exact').locator('tbody tr');
      await expect(rows).toHaveCount(2);
      const walked = await page.getByTestId('trace-table').locator('tbody tr').allTextContents();
      expect(walked.join(' ')).toContain('OUTPUT');
      expect(walked.join(' ')).not.toContain('PREROUTING');
      // Typing a loopback source ticks the box by itself; unticking gives the client back.
      await page.getByTestId('trace-src').fill('127.0.0.1');
      await expect(box).toBeChecked();
      await box.uncheck();
      await expect(page.getByTestId('trace-src')).toHaveValue(client);
    });

    test('a ping (ICMP echo) needs no port: the node answers it, a ClusterIP in iptables mode does not', async ({
      page,
    }) => {
      await open(page, p.path);
      await page.getByRole('button', { name: p.example, exact: true }).click();
      await page.getByTestId('trace-protocol').selectOption('icmp');
      await expect(page.getByTestId('trace-port')).toHaveValue('');
      await expect(page.getByTestId('trace-port')).toBeDisabled();
      await traceAndWait(page);
      const rows = page.getByTestId('trace-exact').locator('tbody tr');
      await expect(rows).toHaveCount(1);
      await expect(rows.locator('[data-echo="reply"]')).toContainText('192.168.10.12');
      await expect(rows.locator('[data-echo="reply"]')).toContainText(p.thisNode);
      // A ping has no port: the node sees the client's address, not the echo identifier.
      await expect(rows.first().locator('td').nth(2)).toHaveText('192.168.10.100');
      // The example's Service address: no rule rewrites ICMP to it, so nothing answers.
      await page.getByTestId('trace-dst').fill('10.96.120.15');
      await traceAndWait(page);
      await expect(rows).toHaveCount(1);
      await expect(rows.locator('[data-echo="none"]')).toBeVisible();
      await expect(rows.first()).toHaveAttribute('data-verdict', 'NONE');
    });

    test('a pasted dump gets LOCAL guesses, per-field messages, then traces', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page, p.path);
      const example = await page.evaluate(() => {
        const island = document.querySelector('astro-island[component-url*="TracePage"]');
        // Astro serialises island props as [type, value] pairs.
        return JSON.parse(island?.getAttribute('props') ?? '{}').examples[1].iptables[1] as string;
      });
      await page.evaluate((text) => navigator.clipboard.writeText(text), example);
      await page.getByTestId('trace-text').focus();
      await page.keyboard.press('ControlOrMeta+V');
      await expect(page.getByTestId('trace-format')).toHaveAttribute('data-format', 'iptables-save');
      // The dump does not name the node IP, so only 127.0.0.1 is guessed, and the NodePort.
      await expect(page.getByTestId('trace-local')).toHaveValue('127.0.0.1');
      await expect(page.getByTestId('trace-port')).toHaveValue('30080');
      await page.getByTestId('trace-src').fill('10.1.2');
      await page.getByTestId('trace-submit').click();
      await expect(page.getByTestId('trace-src-error')).toContainText('10.1.2');
      await expect(page.getByTestId('trace-dst-error')).toBeVisible();
      await expect(page.getByTestId('trace-local-error')).toBeVisible();
      await expect(page.getByTestId('trace-port-error')).toHaveCount(0);
      await expect(page.getByTestId('trace-src')).toBeFocused();
      await page.getByTestId('trace-src').fill('192.168.10.100');
      await page.getByTestId('trace-dst').fill('192.168.10.12');
      await page.getByTestId('trace-local').fill('192.168.10.12, 127.0.0.1');
      await expect(page.getByTestId('trace-invalid')).toHaveCount(0);
      await traceAndWait(page);
      await expect(page.getByTestId('trace-exact').locator('tbody tr')).toHaveCount(2);
    });

    test('a dump with errors lists them by line and still traces the rest', async ({ page }) => {
      await open(page, p.path);
      const text = natDump([
        ':KUBE-SERVICES - [0:0]',
        '-A PREROUTING -j KUBE-SERVICES',
        '-A KUBE-SERVICES -m frobnicate --zap 1 -j ACCEPT',
        '-A KUBE-SERVICES -m comment --comment "never closed -j DNAT',
        '-A NO-SUCH-CHAIN -j ACCEPT',
        '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 10.244.1.5:53',
      ]);
      await pasteRules(page, text, { dst: '10.96.0.10', port: '53', local: '192.168.10.12' });
      await traceAndWait(page);
      const problems = page.getByTestId('trace-problems').locator('li');
      await expect(problems).toHaveCount(3);
      await expect(problems.nth(0)).toHaveAttribute('data-line', '8');
      await expect(problems.nth(0)).toContainText('-m frobnicate --zap 1');
      await expect(problems.nth(1)).toHaveAttribute('data-line', '9');
      await expect(problems.nth(2)).toHaveAttribute('data-line', '10');
      await expect(problems.nth(2)).toContainText('NO-SUCH-CHAIN');
      await expect(problems.nth(0).locator('.trace-problem__message')).toHaveText(p.unsupported);
      await expect(problems.nth(2).locator('.trace-problem__message')).toHaveText(p.noChain);
      // The walk stops at the rule it cannot read, and says why in the page's language.
      await expect(page.getByTestId('trace-exact').locator('.trace-reason')).toContainText(p.unsupported);
      // The unknown match stops the walk at line 8 rather than guessing past it.
      await expect(page.getByTestId('trace-exact').locator('tbody tr')).toHaveCount(1);
      await expect(page.getByTestId('trace-exact').locator('tbody tr')).toHaveAttribute('data-verdict', 'UNKNOWN');
      await expect(page.getByTestId('trace-dump').locator('[data-line="8"]')).toHaveAttribute(
        'data-mark',
        /matched|problem/,
      );
    });

    test('a <script> in a comment renders as text and never runs', async ({ page }) => {
      await open(page, p.path);
      const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
      const text = natDump([
        `# ${evil}`,
        `-A PREROUTING -p tcp -m comment --comment "${evil.replaceAll('"', '\\"')}" -j DNAT --to-destination 10.0.0.9:80`,
        '-A OUTPUT -m comment --comment "\u0007bell \u202Eevil\u202C \u0000nul" -j ACCEPT',
      ]);
      await pasteRules(page, text, { dst: '192.168.10.12', port: '80', local: '192.168.10.12' });
      await traceAndWait(page);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(page.locator('[data-testid="trace-page"] script')).toHaveCount(0);
      await expect(page.locator('[data-testid="trace-page"] img')).toHaveCount(0);
      await expect(page.getByTestId('trace-table')).toContainText('<script>window.__pwned=1</script>');
      const dump = page.getByTestId('trace-dump');
      await expect(dump.locator('[data-line="6"]')).toContainText('<script>');
      // Invisible characters are shown, not obeyed: BEL as ␇, the override as a tag.
      await expect(dump.locator('[data-line="8"]')).toContainText('␇bell <U+202E>evil<U+202C> ␀nul');
    });

    test('the nftables example traces like the iptables one; iptables -L output is declined', async ({ page }) => {
      await open(page, p.path);
      await page.getByTestId('trace-example-nft').click();
      await expect(page.getByTestId('trace-format')).toHaveAttribute('data-format', 'nft');
      await expect(page.getByTestId('trace-format')).toContainText('nft list ruleset');
      await traceAndWait(page);
      const rows = page.getByTestId('trace-exact').locator('tbody tr');
      await expect(rows).toHaveCount(2);
      expect(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute('data-destination'), tr.getAttribute('data-probability')]).sort(),
        ),
      ).toEqual([
        ['10.244.1.2:8080', '0.5'],
        ['10.244.2.2:8080', '0.5'],
      ]);
      await expect(page.getByTestId('trace-nokube')).toHaveCount(0);
      await expect(page.getByTestId('trace-dump').locator('[data-mark="matched"]').first()).toBeAttached();

      await pasteRules(page, 'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n', {
        dst: '10.0.0.1',
        port: '80',
        local: '10.0.0.2',
      });
      await expect(page.getByTestId('trace-format')).toHaveAttribute('data-format', 'iptables-list');
      await traceAndWait(page);
      await expect(page.getByTestId('trace-unsupported')).toHaveAttribute('data-format', 'iptables-list');
    });

    test('rules without KUBE-* chains, and a loop of jumps, are explained', async ({ page }) => {
      await open(page, p.path);
      const text = [
        '*filter',
        ':INPUT ACCEPT [0:0]',
        ':A - [0:0]',
        ':B - [0:0]',
        '-A INPUT -j A',
        '-A A -p tcp -j B',
        '-A B -j A',
        'COMMIT',
        '',
      ].join('\n');
      await pasteRules(page, text, { dst: '10.0.0.2', port: '22', local: '10.0.0.2' });
      await traceAndWait(page);
      await expect(page.getByTestId('trace-nokube')).toBeVisible();
      await expect(page.getByTestId('trace-loops')).toBeVisible();
      await expect(page.getByTestId('trace-problems')).toContainText(p.jumpLoop);
      await expect(page.getByTestId('trace-exact').locator('tbody tr')).toHaveAttribute('data-verdict', 'UNKNOWN');
    });

    test('keyboard only: load the example, trace, jump from a rule to its line', async ({ page }) => {
      await open(page, p.path);
      await page.locator('body').focus();
      const reach = async (testId: string) => {
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          if (await page.getByTestId(testId).evaluate((el) => el === document.activeElement)) return;
        }
        throw new Error(`Tab never reached ${testId}`);
      };
      await reach('trace-example');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('trace-text')).toHaveValue(/\*nat/);
      await reach('trace-submit');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      // A line link in the trace table moves the rules view to that line and focuses it.
      const link = page
        .getByTestId('trace-table')
        .locator('tbody tr[data-matched="true"] button.trace-linelink')
        .last();
      const line = await link.evaluate((el) => el.closest('tr')?.getAttribute('data-line'));
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('trace-dump')).toBeFocused();
      await expect(page.getByTestId('trace-dump').locator(`[data-line="${line}"]`)).toHaveClass(/is-target/);
      await expect(page.getByTestId('trace-dump').locator(`[data-line="${line}"]`)).toBeInViewport();
    });

    test('is axe-clean before and after a trace', async ({ page }) => {
      // Three full axe scans of a page with result tables: slow on a busy machine.
      test.setTimeout(120_000);
      await open(page, p.path);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);
      await page.getByTestId('trace-example').click();
      await page.getByTestId('trace-src').fill('nope');
      await page.getByTestId('trace-submit').click();
      await expect(page.getByTestId('trace-src-error')).toBeVisible();
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);
      await page.getByTestId('trace-src').fill('192.168.10.100');
      await traceAndWait(page);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).toEqual([]);
    });
  });
}

test('nothing is stored unless "remember" is on; off deletes it', async ({ page }) => {
  await open(page, '/en/trace/');
  await page.getByTestId('trace-example').click();
  await traceAndWait(page);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.getByTestId('trace-remember').check();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('bounce.trace.v1')?.includes('KUBE-SERVICES') ?? false))
    .toBe(true);
  await page.getByTestId('trace-port').fill('30081');
  await page.reload();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.getByTestId('trace-remember')).toBeChecked();
  await expect(page.getByTestId('trace-text')).toHaveValue(/KUBE-SERVICES/);
  await expect(page.getByTestId('trace-port')).toHaveValue('30081');
  await page.getByTestId('trace-remember').uncheck();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('the worker runs under the page CSP (no inline script, worker from self)', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await open(page, '/en/trace/');
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  await page.getByTestId('trace-example').click();
  await traceAndWait(page);
  // Two workers from one bundled script: the inspector (format, size) and the tracer, so a
  // new paste can stop an inspection without cancelling a trace in flight.
  expect(workers).toHaveLength(2);
  expect(new Set(workers).size).toBe(1);
  expect(workers[0]).toMatch(/^\/_astro\/trace\.worker-[\w-]+\.js$/);
});

test.describe('page frame', () => {
  for (const p of pages) {
    test(`${p.path}: header link marked current, language switch to the same page`, async ({ page }) => {
      await open(page, p.path);
      await expect(page.getByRole('navigation').first().locator(`a[href="${p.path}"]`)).toHaveAttribute(
        'aria-current',
        'page',
      );
      const other = p.locale === 'en' ? '/ko/trace/' : '/en/trace/';
      await expect(page.getByTestId('language-switch')).toHaveAttribute('href', other);
      await expect(page.getByTestId('trace-privacy')).toBeVisible();
    });
  }

  test('fits a 360px wide phone without sideways scrolling, results included', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '/ko/trace/');
    await page.getByTestId('trace-example').click();
    await traceAndWait(page);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner as number);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('says the tracer needs JavaScript', async ({ page }) => {
      await page.goto('/ko/trace/');
      // Chromium's "JavaScript off" still parses <noscript> as text, so read what it holds.
      await expect(page.locator('noscript')).toHaveCount(1);
      expect(await page.locator('noscript').textContent()).toContain('자바스크립트가 있어야');
    });
  });
});
