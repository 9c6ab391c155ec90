/**
 * The playground's trace in Korean: every event, detail and drop reason the engine produces for
 * the bounce scenarios, across the datapaths, comes out as Korean that passes the glossary checks
 * (no "via node-1", "LAN host" or raw English reason on a Korean page).
 */
import { describe, expect, it } from 'vitest';
import { playgroundKo } from '../../../src/i18n/playground/ko';
import { playgroundEn } from '../../../src/i18n/playground/en';
import { detailText, reasonText } from '../../../src/islands/engineText';
import { BOUNCE_CLUSTER, BOUNCE_LOCAL_EMPTY_NODE } from '../../../src/playground/examples';
import { runScenario, sampleOf } from '../../../src/playground/engine';
import type { PlaygroundScenario } from '../../../src/playground/scenario';
import { lintKorean } from '../../korean/lint';

const t = playgroundKo.trace;

const scenarios: [string, PlaygroundScenario][] = [];
for (const [name, base] of [
  ['bounce', BOUNCE_CLUSTER],
  ['local-empty-node', BOUNCE_LOCAL_EMPTY_NODE],
] as const) {
  for (const mode of ['iptables', 'ipvs', 'cilium'] as const) {
    for (const ciliumNodePort of mode === 'cilium' ? (['snat', 'dsr'] as const) : (['snat'] as const)) {
      scenarios.push([
        `${name} ${mode} ${ciliumNodePort}`,
        { ...base, datapath: { ...base.datapath, mode, ciliumNodePort } },
      ]);
    }
  }
}

describe('the playground trace in Korean', () => {
  it.each(scenarios)('%s: events, details and reasons are Korean', (_, scenario) => {
    for (let sample = 0; sample < 4; sample++) {
      const report = sampleOf(scenario, sample);
      if ('failed' in report) continue;
      for (const step of report.steps) {
        const detail = detailText(t.details, step.detail);
        expect(detail.code, step.detail).toBe(false);
        const text = `${t.events[step.event]} ${detail.text}`;
        expect(lintKorean(text, 'rendered'), text).toEqual([]);
      }
      if (report.reason) {
        const why = reasonText(t.reasons, report.reason);
        expect(why.code, report.reason).toBe(false);
        expect(lintKorean(why.text, 'rendered'), why.text).toEqual([]);
      }
    }
    const run = runScenario(scenario, 50);
    if (!run.available) return;
    for (const row of run.outcomes) {
      if (!row.reason) continue;
      expect(reasonText(t.reasons, row.reason).code, row.reason).toBe(false);
    }
  });

  it.each([
    [
      'Cilium: frontend 192.168.10.13:30080 has no backend on this node (externalTrafficPolicy=Local): DROP_NO_SERVICE',
      'Cilium: 이 노드에는 192.168.10.13:30080 프런트엔드의 백엔드가 없습니다(externalTrafficPolicy=Local, DROP_NO_SERVICE)',
    ],
    [
      'Cilium: frontend 10.96.0.10:80 has no backend: connect() fails with EHOSTUNREACH',
      'Cilium: 10.96.0.10:80 프런트엔드에 백엔드가 없습니다(connect()가 EHOSTUNREACH로 실패)',
    ],
    [
      '10.96.120.15 is a service address on kube-ipvs0, but port 81 is no service port there',
      '10.96.120.15는 kube-ipvs0에 있는 서비스 주소지만, 81번 포트는 서비스 포트가 아닙니다',
    ],
    [
      'IPVS virtual server TCP 10.96.120.15:80 has no real server: the kernel answers ICMP port unreachable',
      'IPVS 가상 서버 TCP 10.96.120.15:80에 실제 서버가 없어 커널이 ICMP port unreachable로 응답합니다',
    ],
    ['node-2 drops the packet: TTL exceeded (routing loop)', 'node-2에서 TTL이 다 되어 패킷이 드롭됩니다(라우팅 루프)'],
    [
      'pod default/pod-1 drops a packet whose source is its own address (martian source)',
      '파드 default/pod-1은 출발지가 자기 주소인 패킷을 드롭합니다(martian source)',
    ],
    [
      'node-3 drops a packet from outside whose source 192.168.10.13 is its own address (martian source)',
      'node-3은 밖에서 왔는데 출발지 192.168.10.13이 자기 주소인 패킷을 드롭합니다(martian source)',
    ],
    ['node-1 has no address to send from on eth0', 'node-1에는 eth0으로 보낼 때 쓸 출발지 주소가 없습니다'],
    [
      'the client has no route to 10.244.1.2: it reaches only the LAN (name the node it goes through)',
      '클라이언트에서 10.244.1.2로 가는 경로가 없습니다. 클라이언트는 LAN에만 닿으니 거쳐 갈 노드를 지정하세요',
    ],
  ])('reason %s', (reason, korean) => {
    expect(reasonText(t.reasons, reason)).toEqual({ text: korean, code: false });
    expect(lintKorean(korean, 'rendered')).toEqual([]);
    // English pages show the engine's own words.
    expect(reasonText(playgroundEn.trace.reasons, reason)).toEqual({ text: reason, code: false });
  });

  it('shows an unknown reason as a literal engine message, never as a Korean sentence', () => {
    expect(reasonText(t.reasons, 'something new went wrong')).toEqual({ text: 'something new went wrong', code: true });
    expect(detailText(t.details, 'via node-1')).toEqual({ text: 'node-1 경유', code: false });
    expect(detailText(t.details, 'LAN host')).toEqual({ text: 'LAN의 호스트', code: false });
    expect(detailText(t.details, 'default/pod-1')).toEqual({ text: 'default/pod-1', code: false });
  });
});
