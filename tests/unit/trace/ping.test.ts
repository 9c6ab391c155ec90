/** A ping (ICMP echo) on the trace page: validated without a port, traced, and answered as ping would print it. */
import { describe, expect, it } from 'vitest';
import { validateTrace } from '../../../src/stores/traceValidate';
import { traceDump } from '../../../src/workers/trace/pipeline';
import type { TraceReport } from '../../../src/workers/trace/protocol';
import { bounceNft, bounceRules, request } from './helpers';

const CLUSTER_IP = '10.96.120.15';

function echoes(report: TraceReport) {
  if (report.kind !== 'traced' || report.exact?.kind !== 'ok') throw new Error(`no exact outcomes: ${report.kind}`);
  return report.exact.outcomes.map((o) => o.echo);
}

const ping = (text: string, dst: string, src = '10.244.2.2') =>
  traceDump({ ...request(text, { dst, src }), packet: { src, dst, port: null, protocol: 'icmp' }, runCount: 0 });

describe('ping on the trace page', () => {
  it('a port is refused for icmp, and none is needed', () => {
    const fields = { text: 'x', src: '10.244.2.2', dst: CLUSTER_IP, local: '192.168.10.12', runCount: 1000 };
    const withPort = validateTrace({ ...fields, port: '80', protocol: 'icmp' }, 1);
    expect(withPort.errors.port?.code).toBe('icmpPort');
    const without = validateTrace({ ...fields, port: '', protocol: 'icmp' }, 1);
    expect(without.errors).toEqual({});
    expect(without.request?.packet).toMatchObject({ port: null, protocol: 'icmp' });
    expect(validateTrace({ ...fields, port: '', protocol: 'tcp' }, 1).errors.port?.code).toBe('port');
  });

  it('iptables: nothing rewrites a ping to a ClusterIP, so no answer comes back', () => {
    const [echo, ...rest] = echoes(ping(bounceRules(), CLUSTER_IP));
    expect(rest).toEqual([]);
    expect(echo).toMatchObject({ kind: 'none' });
    expect(echo?.kind === 'none' && echo.why).toMatch(/^nothing rewrote the echo request/);
  });

  it('nftables: the ClusterIP check rejects it with Destination Port Unreachable', () => {
    const [echo] = echoes(ping(bounceNft(), CLUSTER_IP));
    expect(echo).toMatchObject({ kind: 'unreachable', code: 3, name: 'icmp-port-unreachable' });
  });

  it('the node’s own address answers in both modes', () => {
    for (const text of [bounceRules(), bounceNft()])
      expect(echoes(ping(text, '192.168.10.12', '192.168.10.100'))).toEqual([
        { kind: 'reply', from: '192.168.10.12', responder: 'node node' },
      ]);
  });
});
