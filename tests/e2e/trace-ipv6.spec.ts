/**
 * The trace page on IPv6, both locales: kube-proxy's ip6tables-save dump and its `table ip6`
 * (the text the kernel suite loads, tests/fixtures/ipv6) traced to the two endpoints at 50%
 * each, masqueraded, with IPv6 addresses written with brackets before a port; ::1 guessed as
 * the node's loopback; a ping (ICMPv6 echo) answered by the node and rejected by nftables
 * mode's cluster-ips-check; and a source of the other family refused at the field, in the
 * page's language.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ipv6/${name}`, import.meta.url), 'utf8');
const DUMPS = [
  { format: 'iptables-save', text: fixture('kube-proxy.ip6tables-save') },
  { format: 'nft', text: fixture('kube-proxy-ip6.nft') },
] as const;

const pages = [
  { path: '/en/trace/', yes: 'yes', mixed: 'The source is IPv4 and the destination IPv6', reply: 'a reply from' },
  { path: '/ko/trace/', yes: '예', mixed: '출발지는 IPv4, 목적지는 IPv6입니다', reply: '응답이 옵니다' },
] as const;

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const p of pages) {
  test.describe(`${p.path} IPv6`, () => {
    for (const dump of DUMPS) {
      test(`${dump.format}: a client to the NodePort reaches both endpoints at 50%, masqueraded`, async ({ page }) => {
        await open(page, p.path);
        await page.getByTestId('trace-text').fill(dump.text);
        await expect(page.getByTestId('trace-format')).toHaveAttribute('data-format', dump.format);
        await page.getByTestId('trace-src').fill('fd00:10::100');
        await page.getByTestId('trace-dst').fill('fd00:10::12');
        await page.getByTestId('trace-port').fill('30080');
        await page.getByTestId('trace-local').fill('fd00:10::12, ::1');
        await page.getByTestId('trace-submit').click();
        await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
        const rows = page.getByTestId('trace-exact').locator('tbody tr');
        await expect(rows).toHaveCount(2);
        const byDestination = Object.fromEntries(
          await rows.evaluateAll((trs) =>
            trs.map((tr) => [tr.getAttribute('data-destination'), Number(tr.getAttribute('data-probability'))]),
          ),
        );
        expect(byDestination).toEqual({ '[fd00:10:244:2::2]:8080': 0.5, '[fd00:10:244:3::2]:8080': 0.5 });
        for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toBe(p.yes);
        await expect(page.getByTestId('trace-exact')).toContainText('[fd00:10:244:2::2]:8080');
        // The sampled packet's trace marks the DNAT rule's line in the dump.
        await expect(page.getByTestId('trace-dump').locator('[data-mark="matched"]').first()).toBeAttached();
      });
    }

    test('a ping (ICMPv6 echo): the node answers, and nftables mode rejects one to a ClusterIP with icmp6-port-unreachable', async ({
      page,
    }) => {
      await open(page, p.path);
      await page.getByTestId('trace-text').fill(DUMPS[1].text);
      await expect(page.getByTestId('trace-format')).toHaveAttribute('data-format', 'nft');
      await page.getByTestId('trace-protocol').selectOption('icmp');
      await page.getByTestId('trace-src').fill('fd00:10::100');
      await page.getByTestId('trace-dst').fill('fd00:10::12');
      await page.getByTestId('trace-local').fill('fd00:10::12');
      await page.getByTestId('trace-submit').click();
      await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      const rows = page.getByTestId('trace-exact').locator('tbody tr');
      await expect(rows).toHaveCount(1);
      await expect(rows.locator('[data-echo="reply"]')).toContainText(p.reply);
      await expect(rows.locator('[data-echo="reply"]')).toContainText('fd00:10::12');
      // A ping has no port: the source column is the client's address alone, without brackets.
      await expect(rows.first().locator('td').nth(2)).toHaveText('fd00:10::100');
      await page.getByTestId('trace-dst').fill('fd00:10:96::10');
      await page.getByTestId('trace-submit').click();
      await expect(page.getByTestId('trace-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toHaveAttribute('data-verdict', 'REJECT');
      await expect(rows.locator('[data-echo="unreachable"]')).toContainText('icmp6-port-unreachable');
      await expect(rows.locator('[data-echo="unreachable"]')).toContainText('fd00:10::12');
    });

    test('guessing offers ::1 for an ip6tables-save dump, and a mixed-family packet is refused at the source', async ({
      page,
    }) => {
      await open(page, p.path);
      await page.getByTestId('trace-text').fill(DUMPS[0].text);
      await page.getByTestId('trace-guess').click();
      // The page's starting 127.0.0.1 is a default, not the reader's: IPv6 rules' ::1 replaces it.
      await expect(page.getByTestId('trace-local')).toHaveValue('::1');
      await expect(page.getByTestId('trace-port')).toHaveValue('30080');
      await page.getByTestId('trace-src').fill('192.168.10.100');
      await page.getByTestId('trace-dst').fill('fd00:10::12');
      await page.getByTestId('trace-local').fill('fd00:10::12');
      await page.getByTestId('trace-submit').click();
      await expect(page.getByTestId('trace-src-error')).toContainText(p.mixed);
      await expect(page.getByTestId('trace-src')).toBeFocused();
      // "Sent from this node" picks the node's address of the destination's family.
      await page.getByTestId('trace-from-node').check();
      await expect(page.getByTestId('trace-src')).toHaveValue('fd00:10::12');
    });
  });
}
