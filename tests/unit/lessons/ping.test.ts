/**
 * The ping lesson on the generic lab: it resolves from its content files in both languages,
 * sends ICMP echo requests (no port) to the ClusterIP, and each datapath's run is graded from
 * the engine's evidence. The expected letters are what the claims mean under each datapath's
 * rules, checked against runs; nothing here is an answer key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/engine/lab/controls';
import type { LabConfig } from '@/engine/lab/config';
import { countsByEnd } from '@/engine/lab/evidence';
import { startLabRun } from '@/engine/lab/run';
import { trafficSteps } from '@/engine/lab/traffic';
import { viewOf } from '@/engine/lab/view';
import { gradeClaims } from '@/engine/quiz/grade';
import { claimTest } from '@/engine/quiz/observe';
import { createDatapathSimulation } from '@/engine/simulate';
import { resolveLab } from '@/lessons/lab';
import { lessonSchema } from '@/lessons/schema';
import { splitFrontmatter } from '../site/lesson-files';

function lesson(locale: string): LabConfig {
  const file = join(process.cwd(), 'content', 'lessons', locale, 'ping.mdx');
  return resolveLab('ping', lessonSchema.parse(splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter), file);
}

function run(config: LabConfig, datapath: string, seed = 7, total = 200) {
  const view = viewOf(config, { ...defaultSettings(config.controls), datapath });
  const steps = trafficSteps(view.cluster, view.traffic);
  const simulation = createDatapathSimulation(view.cluster, { datapath: view.datapath });
  const lab = startLabRun(simulation, steps, { total, seed, interval: view.traffic.interval ?? 1 });
  while (lab.step(100) < total);
  const { tallies } = lab.finish();
  const grade = gradeClaims(config.options, (c) => claimTest(config.spec.observable, c, tallies));
  return { steps, view, ends: countsByEnd(tallies), verdict: grade.verdict };
}

for (const locale of ['en', 'ko']) {
  describe(`${locale}: ping`, () => {
    const config = lesson(locale);

    it('offers all four datapaths, the scenario’s iptables first', () => {
      expect(config.controls.map((c) => `${c.id}=${c.default} [${c.values.join(' ')}]`)).toEqual([
        'datapath=iptables [iptables nftables ipvs cilium]',
      ]);
    });

    it('sends echo requests with no port to the ClusterIP, from the client pod on node-3', () => {
      const { steps } = run(config, 'iptables', 1, 1);
      expect(steps.map((s) => [s.spec.protocol, s.spec.to, s.entry])).toEqual([
        ['icmp', { ip: '10.96.120.15' }, 'node-3'],
      ]);
    });

    it('iptables and Cilium: no rule takes the request, nothing answers (c)', () => {
      for (const datapath of ['iptables', 'cilium']) {
        const r = run(config, datapath);
        expect(r.view.datapath).toBe(datapath);
        expect(r.ends).toEqual({ timedOut: 200 });
        expect(r.verdict).toEqual({ kind: 'decided', correct: 'c' });
      }
    });

    it('nftables and IPVS: a reject answers with Destination Unreachable (b)', () => {
      for (const datapath of ['nftables', 'ipvs']) {
        const r = run(config, datapath);
        expect(r.ends).toEqual({ refused: 200 });
        expect(r.verdict).toEqual({ kind: 'decided', correct: 'b' });
      }
    });

    it('names the datapath in the question, whichever is chosen', () => {
      for (const datapath of ['iptables', 'nftables', 'ipvs', 'cilium']) {
        expect(viewOf(config, { datapath }).values.datapath).toBe(datapath);
      }
    });
  });
}

describe('a ping in a lesson’s traffic: bad input names the field', () => {
  const file = join(process.cwd(), 'content', 'lessons', 'en', 'ping.mdx');
  const data = splitFrontmatter(readFileSync(file, 'utf8'), file).frontmatter as {
    lab: { traffic: { connections: object[]; clients: object[] } };
  };
  const withTraffic = (traffic: object) => ({
    ...data,
    lab: { ...data.lab, traffic: { ...data.lab.traffic, ...traffic } },
  });
  const problems = (value: unknown) => {
    const result = lessonSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('a ping to a node port is refused: it has no port', () => {
    const connections = [{ from: 'debug', to: 'nodePort', node: 'node-1', protocol: 'icmp' }];
    expect(problems(withTraffic({ connections }))).toEqual([
      'lab.traffic.connections.0.to: a ping (protocol icmp) has no port, so it cannot go to a node port; use to: clusterIP',
    ]);
  });

  it('a round that mixes pings and TCP connections is refused', () => {
    const connections = [
      { from: 'debug', to: 'clusterIP', protocol: 'icmp' },
      { from: 'debug', to: 'clusterIP' },
    ];
    expect(problems(withTraffic({ connections }))).toEqual([
      'lab.traffic.connections: every connection of a round uses one protocol: all tcp or all icmp',
    ]);
  });

  it('an unknown protocol names the choices', () => {
    const connections = [{ from: 'debug', to: 'clusterIP', protocol: 'udp' }];
    expect(problems(withTraffic({ connections }))).toEqual([
      'lab.traffic.connections.0.protocol: protocol must be tcp or icmp (a ping)',
    ]);
  });

  it('an outside client cannot ping a cluster IP (resolveLab names the field)', () => {
    const lesson = lessonSchema.parse(
      withTraffic({
        clients: [{ name: 'debug', ip: '192.168.10.100' }],
        connections: [{ from: 'debug', to: 'clusterIP', protocol: 'icmp' }],
      }),
    );
    expect(() => resolveLab('ping', lesson, file)).toThrow(
      /lab\.traffic: .*connections\[0\]\.from: an external client cannot reach a cluster IP; use a pod client/,
    );
  });
});
