/**
 * The playground in both languages: every editor control changes the scenario and the run,
 * limits are enforced with a message, the share link replays exactly, a damaged link falls
 * back to the bounce cluster with a message, YAML import of a bad file shows the loader's
 * error with its field path, the comparison renders every datapath, and axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import { axeViolations, expect, test } from './fixtures';
import { openPlayground, playgroundPages, runCounts, shareCode } from './playground-helpers';

const DUAL_STACK = readFileSync(new URL('../fixtures/ipv6/dual-stack.yaml', import.meta.url), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
const messages = {
  en: {
    nodes: 'At most 10 nodes.',
    pods: 'At most 20 pods.',
    link: 'Showing the bounce cluster instead.',
    field: 'field spec.ports[0].nodePort',
    dualStack: 'The playground walks one family at a time, now IPv6',
    ipv4Only: 'IPVS is modelled for IPv4 only',
    ipv4OnlyCell: 'IPv4 only',
    scenario:
      'nodes: 3, pods: 2, NodePort (nodePort), ETP Cluster, ITP Cluster, external client → node-2, IPv4, seed 1',
  },
  ko: {
    nodes: '노드는 최대 10대까지 둘 수 있습니다.',
    pods: '파드는 최대 20개까지 둘 수 있습니다.',
    link: '대신 ‘튕겨 나가는 요청’ 챌린지의 클러스터를 보여 드립니다.',
    field: '필드 spec.ports[0].nodePort',
    dualStack: '플레이그라운드는 한 번에 한 IP 패밀리만 따라가며, 지금은 IPv6입니다',
    ipv4Only: 'IPVS는 IPv4만 모델링했기 때문에',
    ipv4OnlyCell: 'IPv4만 지원',
    scenario:
      '노드 3대, 파드 2개, NodePort(nodePort), ETP Cluster, ITP Cluster, 외부 클라이언트 → node-2, IPv4, 시드 1',
  },
} as const;

for (const { locale, path } of playgroundPages) {
  const m = messages[locale];

  test.describe(`playground (${locale})`, () => {
    test('opens on the bounce cluster and runs it: both pods, nothing dropped', async ({ page }) => {
      await openPlayground(page, path);
      const counts = await runCounts(page);
      expect((counts['pod-1'] ?? 0) + (counts['pod-2'] ?? 0)).toBe(1000);
      expect(counts['dropped']).toBe(0);
      await expect(page.getByTestId('chart')).toBeVisible();
      await expect(page.getByTestId('pg-diagram').locator('[data-pod]')).toHaveCount(2);
      await expect(page.getByTestId('rules-lines')).toContainText('-A KUBE-SVC-');
      await expect(page.getByTestId('trace-table').locator('tbody tr').first()).toBeVisible();
      expect(await axeViolations(page, tags)).toEqual([]);
    });

    test('nodes: add up to 10, then the limit is stated; remove down to 1', async ({ page }) => {
      await openPlayground(page, path);
      for (let n = 4; n <= 10; n++) {
        await page.getByTestId('pg-add-node').click();
        await expect(page.getByTestId('pg-node-count')).toHaveText(String(n));
      }
      await page.getByTestId('pg-add-node').click();
      await expect(page.getByTestId('pg-notice')).toContainText(m.nodes);
      await expect(page.getByTestId('pg-node-count')).toHaveText('10');
      await expect(page.getByTestId('pg-diagram').locator('[data-node]')).toHaveCount(10);
      for (let n = 9; n >= 1; n--) await page.getByTestId('pg-remove-node').click();
      await expect(page.getByTestId('pg-node-count')).toHaveText('1');
      await expect(page.getByTestId('pg-pod-pod-2')).toHaveAttribute('data-node', 'node-1');
    });

    test('pods: add up to 20 and the limit is stated; move, mark and remove pods', async ({ page }) => {
      test.setTimeout(90_000);
      await openPlayground(page, path);
      await page.getByTestId('pg-add-pod-node').selectOption('2');
      for (let n = 3; n <= 20; n++) await page.getByTestId('pg-add-pod').click();
      await expect(page.getByTestId('pg-pods').locator('li')).toHaveCount(20);
      await page.getByTestId('pg-add-pod').click();
      await expect(page.getByTestId('pg-notice')).toContainText(m.pods);
      await expect(page.getByTestId('pg-diagram').locator('[data-node="node-3"] [data-pod]')).toHaveCount(18);
      await page.getByTestId('pg-remove-pod-20').click();
      await expect(page.getByTestId('pg-pods').locator('li')).toHaveCount(19);
      await page.getByTestId('pg-reset').click();
      await expect(page.getByTestId('pg-pods').locator('li')).toHaveCount(2);

      // Move pod-1 next to pod-2: every connection stays on node-2.
      await page.getByTestId('pg-move-right-pod-1').click();
      await expect(page.getByTestId('pg-pod-pod-1')).toHaveAttribute('data-node', 'node-2');
      await expect.poll(async () => (await runCounts(page))['dropped']).toBe(0);
      await expect(page.getByTestId('pg-outcomes').locator('tbody tr')).toHaveCount(2);
      await page.getByTestId('pg-pod-node-pod-1').selectOption('0');
      await expect(page.getByTestId('pg-pod-pod-1')).toHaveAttribute('data-node', 'node-1');

      // Not ready and terminating pods get no new connections.
      await page.getByTestId('pg-pod-state-pod-1').selectOption('notReady');
      await expect.poll(async () => (await runCounts(page))['pod-1']).toBe(0);
      await page.getByTestId('pg-pod-state-pod-2').selectOption('terminating');
      await expect.poll(async () => (await runCounts(page))['dropped']).toBeGreaterThan(0);
      await page.getByTestId('pg-remove-pod-1').click();
      await page.getByTestId('pg-remove-pod-1').click();
      await expect(page.getByTestId('pg-no-pods')).toBeVisible();
    });

    test('a pod dragged onto another node in the diagram moves there', async ({ page }) => {
      await openPlayground(page, path);
      const pod = page.getByTestId('pg-diagram-pod-pod-1');
      const target = page.getByTestId('pg-diagram').locator('[data-node="node-3"] rect.box--node');
      const from = await pod.boundingBox();
      const to = await target.boundingBox();
      if (!from || !to) throw new Error('diagram not laid out');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height - 20, { steps: 5 });
      await page.mouse.up();
      await expect(page.getByTestId('pg-pod-pod-1')).toHaveAttribute('data-node', 'node-3');
    });

    test('IP family IPv6: the dual-stack cluster runs over IPv6, the link keeps it, IPVS and Cilium say IPv4 only', async ({
      page,
      context,
    }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-family').selectOption('IPv6');
      // The bounce question over IPv6: both pods, the bounced half masqueraded to node-2's IPv6 address.
      await expect
        .poll(async () => {
          const c = await runCounts(page);
          return (c['pod-1'] ?? 0) > 350 && (c['pod-2'] ?? 0) > 350 && c['dropped'] === 0;
        })
        .toBe(true);
      await expect(page.getByTestId('pg-outcomes').locator('tr[data-outcome="pod-1"]')).toContainText('fd00:10::12');
      await expect(page.getByTestId('rules-lines')).toContainText('-d fd00:10:96::15');
      await expect(page.getByTestId('pg-diagram')).toContainText('fd00:10::100');
      await expect(page.getByTestId('pg-diagram')).toContainText('fd00:10:244:2::2');
      await page.getByTestId('pg-etp').selectOption('Local');
      await expect.poll(async () => (await runCounts(page))['pod-2']).toBe(1000);
      await expect(page.getByTestId('pg-outcomes')).toContainText('fd00:10::100');
      await expect(page.getByTestId('trace-summary')).toContainText('pod-2');
      // The link carries the family.
      await expect.poll(() => shareCode(page)).not.toBe('');
      const other = await context.newPage();
      await openPlayground(other, path, `#s=${await shareCode(page)}`);
      await expect(other.getByTestId('pg-family')).toHaveValue('IPv6');
      expect(await runCounts(other)).toEqual({ 'pod-1': 0, 'pod-2': 1000, dropped: 0 });
      await other.close();
      // The export is dual-stack: the loader refuses a Service with no IPv4 ClusterIP.
      await page.getByTestId('pg-export').click();
      const yaml = await page.getByTestId('pg-export-text').inputValue();
      expect(yaml).toContain('ipFamilyPolicy: PreferDualStack');
      expect(yaml).toContain('addressType: IPv6');
      // Dual-stack manifests load in the family on screen, and say so.
      await page.getByTestId('pg-import-text').fill(DUAL_STACK);
      await page.getByTestId('pg-import').click();
      await expect(page.getByTestId('pg-import-result')).toHaveAttribute('data-ok', 'true');
      await expect(page.getByTestId('pg-import-result')).toContainText(m.dualStack);
      await expect(page.getByTestId('pg-family')).toHaveValue('IPv6');
      // IPVS is modelled for IPv4 only: said in the editor, the run, the rules and the comparison.
      await page.getByTestId('pg-datapath-ipvs').check();
      await expect(page.getByTestId('pg-ipv4-only')).toBeVisible();
      await expect(page.getByTestId('pg-run-unavailable')).toContainText(m.ipv4Only);
      await expect(page.getByTestId('rules-view')).toContainText(m.ipv4Only);
      await page.getByTestId('pg-compare-run').click();
      const table = page.getByTestId('pg-compare-table');
      await expect(table.locator('thead th[data-datapath="nftables"]')).toHaveAttribute('data-available', 'true');
      await expect(table.locator('thead th[data-datapath="cilium-dsr"]')).toHaveAttribute('data-available', 'false');
      await expect(table.locator('tr[data-row="dropped"] td[data-datapath="ipvs"]')).toHaveText(m.ipv4OnlyCell);
      expect(await axeViolations(page, tags)).toEqual([]);
    });

    test('Service, policies, client, entry node and target change the run', async ({ page }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-etp').selectOption('Local');
      await expect.poll(async () => (await runCounts(page))['pod-2']).toBe(1000);
      await page.getByTestId('pg-entry').selectOption('2');
      await expect.poll(async () => (await runCounts(page))['dropped']).toBe(1000);
      await page.getByTestId('pg-etp').selectOption('Cluster');
      await page.getByTestId('pg-itp').selectOption('Local');
      await page.getByTestId('pg-affinity').selectOption('ClientIP');
      // Session affinity: every connection from the one client goes to one pod.
      await expect.poll(async () => Math.max(...Object.values(await runCounts(page)))).toBe(1000);
      await page.getByTestId('pg-affinity').selectOption('None');
      await page.getByTestId('pg-type').selectOption('LoadBalancer');
      await page.getByTestId('pg-target').selectOption('loadBalancer');
      await page.getByTestId('pg-port').fill('8080');
      await page.getByTestId('pg-port').press('Tab');
      await page.getByTestId('pg-node-port').fill('31000');
      await page.getByTestId('pg-node-port').press('Tab');
      await page.getByTestId('pg-target-port').fill('9090');
      await page.getByTestId('pg-target-port').press('Tab');
      await expect.poll(async () => (await runCounts(page))['dropped']).toBe(0);
      await page.getByTestId('pg-node-port').fill('80');
      await page.getByTestId('pg-node-port').press('Tab');
      await expect(page.getByTestId('pg-notice')).toContainText('30000');
      // A pod as the client, to the ClusterIP with internalTrafficPolicy Local: only pods on its node.
      await page.getByTestId('pg-type').selectOption('ClusterIP');
      await expect(page.getByTestId('pg-node-port')).toHaveCount(0);
      await page.getByTestId('pg-client').selectOption('pod');
      await page.getByTestId('pg-client-which').selectOption('1');
      await expect.poll(async () => (await runCounts(page))['pod-2']).toBe(1000);
      await page.getByTestId('pg-client').selectOption('node');
      await page.getByTestId('pg-client-which').selectOption('0');
      await expect.poll(async () => (await runCounts(page))['pod-1']).toBe(1000);
    });

    test('datapaths: IPVS shows ipvsadm and splits rr exactly, Cilium shows its maps; unavailable ones are disabled', async ({
      page,
    }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-datapath-ipvs').check();
      await expect(page.getByTestId('rules-view')).toHaveAttribute('data-mode', 'ipvs');
      await expect(page.getByTestId('pg-ipvs-deprecated')).toContainText('1.35');
      await expect(page.getByTestId('rules-lines')).toContainText('TCP');
      await expect.poll(async () => runCounts(page)).toEqual({ 'pod-1': 500, 'pod-2': 500, dropped: 0 });
      // Source hashing: one client address, so one real server takes every connection.
      await page.getByTestId('pg-scheduler').selectOption('sh');
      await expect.poll(async () => Math.max(...Object.values(await runCounts(page)))).toBe(1000);
      await page.getByTestId('pg-datapath-cilium').check();
      await expect(page.getByTestId('rules-lines')).toContainText('cilium-dbg service list');
      await page.getByTestId('pg-cilium-lb').selectOption('maglev');
      await expect(page.getByTestId('rules-lines')).toContainText('Maglev');
      await page.getByTestId('pg-cilium-mode').selectOption('dsr');
      await expect(page.getByTestId('pg-outcomes').locator('tr[data-outcome="pod-1"]')).toContainText('192.168.10.100');
      await page.getByTestId('rules-node').selectOption('node-1');
      await expect(page.getByTestId('rules-lines')).toContainText('192.168.10.11:');
      const nft = page.getByTestId('pg-datapath-nftables');
      if (await nft.isDisabled())
        await expect(nft.locator('xpath=..')).toContainText(
          locale === 'en' ? 'not available yet' : '아직 지원하지 않음',
        );
      else {
        await nft.check();
        await expect(page.getByTestId('rules-lines')).toContainText('table ip kube-proxy');
      }
      await page.getByTestId('trace-another').click();
      await expect(page.getByTestId('trace-summary')).toContainText('40001');
      expect(await axeViolations(page, tags)).toEqual([]);
    });

    test('the share link replays exactly, seed included', async ({ page, context }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-add-node').click();
      await page.getByTestId('pg-add-pod-node').selectOption('3');
      await page.getByTestId('pg-add-pod').click();
      await page.getByTestId('pg-datapath-cilium').check();
      await page.getByTestId('pg-seed').fill('12345');
      await page.getByTestId('pg-seed').press('Tab');
      await expect.poll(() => shareCode(page)).not.toBe('');
      await expect(page.getByTestId('pg-results')).toHaveAttribute('data-counts', /pod-3/);
      // The seed's re-run follows the edit after a moment; on a busy machine the run before it
      // can still be the fresh one. Read once the counts and the link have stopped changing.
      let last = '';
      await expect
        .poll(
          async () => {
            const now = JSON.stringify(await runCounts(page)) + (await shareCode(page));
            const settled = now === last;
            last = now;
            return settled;
          },
          { intervals: [500, 500, 500, 1000] },
        )
        .toBe(true);
      const counts = await runCounts(page);
      const code = await shareCode(page);
      const trace = await page.getByTestId('trace-summary').textContent();
      const other = await context.newPage();
      await openPlayground(other, path, `#s=${code}`);
      expect(await runCounts(other)).toEqual(counts);
      await expect(other.getByTestId('pg-node-count')).toHaveText('4');
      await expect(other.getByTestId('pg-seed')).toHaveValue('12345');
      await expect(other.getByTestId('pg-datapath-cilium')).toBeChecked();
      await expect(other.getByTestId('trace-summary')).toHaveText(trace ?? '');
    });

    test('a number being typed survives a re-render before it is committed', async ({ page }) => {
      await openPlayground(page, path);
      const seed = page.getByTestId('pg-seed');
      await seed.fill('12345');
      // The page re-renders while the reader is still typing (as when a run lands): here the
      // link is read again, which re-runs the same scenario and redraws the editor.
      await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
      await expect(page.getByTestId('pg-results')).toHaveAttribute('data-fresh', 'true');
      await page.waitForTimeout(300);
      await expect(seed).toBeFocused();
      await expect(seed).toHaveValue('12345');
      await seed.press('Tab');
      await expect.poll(() => shareCode(page)).not.toBe('');
      const other = await page.context().newPage();
      await openPlayground(other, path, `#s=${await shareCode(page)}`);
      await expect(other.getByTestId('pg-seed')).toHaveValue('12345');
    });

    test('a damaged or tampered link shows a message and the bounce cluster, never a crash', async ({ page }) => {
      for (const hash of ['#s=!!!', '#s=AQsBAAIAUB-QdVgAAAAAAQIAAQ', '#s=Ag']) {
        await openPlayground(page, path, hash);
        await expect(page.getByTestId('pg-notice')).toContainText(m.link);
        await expect(page.getByTestId('pg-node-count')).toHaveText('3');
        await expect(page.getByTestId('pg-pods').locator('li')).toHaveCount(2);
      }
    });

    test('YAML: export, import a bad file (error with its field path), import a good one', async ({ page }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-export').click();
      const yaml = await page.getByTestId('pg-export-text').inputValue();
      expect(yaml).toContain('kind: Service');
      await page.getByTestId('pg-import-text').fill(yaml.replace('nodePort: 30080', 'nodePort: 99999'));
      await page.getByTestId('pg-import').click();
      await expect(page.getByTestId('pg-import-result')).toHaveAttribute('data-ok', 'false');
      await expect(page.getByTestId('pg-import-result')).toContainText(m.field);
      await page.getByTestId('pg-import-text').fill(yaml.replace(/nodeName: node-1/g, 'nodeName: node-3'));
      await page.getByTestId('pg-import').click();
      await expect(page.getByTestId('pg-import-result')).toHaveAttribute('data-ok', 'true');
      await expect(page.getByTestId('pg-pod-pod-1')).toHaveAttribute('data-node', 'node-3');
    });

    test('the comparison renders every datapath, unavailable ones marked as such', async ({ page }) => {
      await openPlayground(page, path);
      await page.getByTestId('pg-compare-run').click();
      const table = page.getByTestId('pg-compare-table');
      await expect(table.locator('thead th[data-datapath]')).toHaveCount(5);
      // The scenario in the page's language ("3 × node, client, seed" showed on the Korean page).
      await expect(table.locator('caption')).toContainText(m.scenario);
      for (const id of ['iptables', 'ipvs', 'cilium-snat', 'cilium-dsr'])
        await expect(table.locator(`thead th[data-datapath="${id}"]`)).toHaveAttribute('data-available', 'true');
      await expect(table.locator('tr[data-row="share-pod-1"] td[data-datapath="ipvs"]')).toContainText('50');
      await expect(table.locator('tr[data-row="reply"] td[data-datapath="cilium-dsr"]')).toContainText('node-1');
      expect(await axeViolations(page, tags)).toEqual([]);
    });
  });
}

for (const { locale, path, guide } of playgroundPages) {
  test(`playground and guide fit a 360px phone (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const url of [path, guide]) {
      await page.goto(url);
      if (url === path) await expect(page.getByTestId('playground')).toHaveAttribute('data-ready', 'yes');
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scroll, url).toBeLessThanOrEqual(client);
    }
    // nftables chain names (endpoint-…/tcp/p80__10.244.2.2/8080) are wider than a phone's
    // trace card: they break inside the card instead of widening the page.
    await page.goto(path);
    await expect(page.getByTestId('playground')).toHaveAttribute('data-ready', 'yes');
    const nft = page.getByTestId('pg-datapath-nftables');
    if (await nft.isEnabled()) {
      await nft.check();
      await expect(page.getByTestId('rules-lines')).toContainText('table ip kube-proxy');
      await page.getByTestId('trace-cards').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('trace-cards').locator('li').first()).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
        .toBeLessThanOrEqual(0);
    }
  });
}
