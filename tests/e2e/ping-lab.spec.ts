/**
 * The ping lab in the browser, in both languages: the datapath control offers all four
 * datapaths, links land graded from the engine's run in the page (data-correct), the results
 * and the sample say what ping would print, and the rules view shows each datapath's own
 * rules instead of waiting forever for an iptables nat table.
 */
import { expect, test } from './fixtures';
import { graded, hydrate, pick, runExperiment } from './quiz-helpers';

test.describe.configure({ timeout: 120_000 });

const words = {
  en: {
    unreachable: 'Destination Unreachable',
    noReply: 'no reply',
    clientPod: 'client pod',
    nft: 'nft list table ip kube-proxy',
  },
  ko: {
    unreachable: 'Destination Unreachable(도달 불가)',
    noReply: '응답 없음',
    clientPod: '클라이언트 파드',
    nft: 'nft list table ip kube-proxy',
  },
} as const;

for (const locale of ['en', 'ko'] as const) {
  const ping = `/${locale}/challenges/ping/`;
  const w = words[locale];

  test.describe(`${locale} ping lab`, () => {
    test('each datapath grades its own answer: iptables and Cilium c, nftables and IPVS b', async ({ page }) => {
      for (const [datapath, correct] of [
        ['iptables', 'c'],
        ['nftables', 'b'],
        ['ipvs', 'b'],
        ['cilium', 'c'],
      ] as const) {
        await page.goto(`${ping}?answer=b&datapath=${datapath}&seed=7`);
        expect(await graded(page)).toEqual([correct, correct === 'b' ? 'correct' : 'wrong']);
        await expect(page.getByTestId('quiz')).toContainText(datapath);
      }
    });

    test('the result names what ping prints, and the client pod gets no bar', async ({ page }) => {
      await page.goto(`${ping}?datapath=nftables`);
      await hydrate(page, 'quiz');
      await pick(page, 'b');
      await runExperiment(page);
      const results = page.getByTestId('results');
      await expect(results).toContainText(w.unreachable);
      await expect(results).not.toContainText('debug on node-3');
      const controls = await hydrate(page, 'scenario-controls');
      await controls.locator('input[value="iptables"]').check();
      await runExperiment(page);
      await expect(results).toContainText(w.noReply);
      // Drawn as the client, not as a pod the Service can send to: no counter in its box.
      const box = page.getByTestId('live-diagram').locator('[data-pod="debug"]:visible').first();
      await expect(box).toContainText(w.clientPod);
      await expect(box.locator('rect.box--client')).toHaveCount(1);
    });

    test('the diagram tells the sample ping, hop by hop: sent from the pod, then rejected', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${ping}?datapath=ipvs&answer=b&seed=2`);
      expect((await graded(page))[0]).toBe('b');
      const diagram = await hydrate(page, 'live-diagram');
      const caption = diagram.getByTestId('diagram-caption');
      await expect(caption).toContainText('10.244.3.2', { timeout: 20_000 });
      await expect(caption).toContainText('ICMP');
      await diagram.getByTestId('diagram-next').click();
      await expect(caption).toHaveAttribute('data-kind', 'drop');
      await expect(caption).toContainText('KUBE-IPVS-FILTER');
      await expect(caption).toContainText('10.96.120.15');
    });

    test('the rules view shows the nft dump in nftables mode, and the sample is a ping', async ({ page }) => {
      await page.goto(`${ping}?datapath=nftables&answer=b&seed=4`);
      // The link's settings apply when the quiz hydrates, as they do for a reader who lands on it.
      expect((await graded(page))[0]).toBe('b');
      await hydrate(page, 'rules-view');
      const rules = page.locator('.live-rules');
      // The lead follows the listing, which comes with the engine: allow a loaded machine its time.
      await expect(rules).toContainText(w.nft, { timeout: 30_000 });
      await expect(rules).toContainText('cluster-ips-check ip daddr @cluster-ips reject');
      await hydrate(page, 'trace-view');
      const trace = page.locator('.live-trace');
      await expect(trace).toContainText('10.244.3.1', { timeout: 30_000 });
      await expect(trace).toContainText('ping');
    });
  });
}
