/** "Sent from this node" on the trace page: the box follows the source, and ticking it sets one. */
import { beforeEach, describe, expect, it } from 'vitest';
import { $packet, emptyPacket, sentFromNode, setSentFromNode } from '../../../src/stores/traceInput';
import { traceDump } from '../../../src/workers/trace/pipeline';
import { bounceCluster } from '../../../src/engine/scenarios/bounce';
import { generateIptablesSave } from '../../../src/engine/rules';

beforeEach(() => $packet.set({ ...emptyPacket, local: '127.0.0.1 192.168.10.11' }));

describe('sent from this node', () => {
  it('is ticked exactly when the source is a LOCAL address or loopback, as the worker decides', () => {
    const at = (src: string, local = '192.168.10.11, 10.0.0.1') => sentFromNode({ ...emptyPacket, src, local });
    expect(at('192.168.10.11')).toBe(true);
    expect(at(' 10.0.0.1 ')).toBe(true);
    expect(at('127.0.0.1', '192.168.10.11')).toBe(true);
    expect(at('127.8.9.10', '')).toBe(true);
    expect(at('203.0.113.10')).toBe(false);
    expect(at('192.168.10.1')).toBe(false);
    expect(at('128.0.0.1')).toBe(false);
  });

  it('reads IPv6 sources as addresses: ::1 and any spelling of a LOCAL address', () => {
    const at = (src: string, local = 'fd00:10::12, 192.168.10.11') => sentFromNode({ ...emptyPacket, src, local });
    expect(at('::1', '')).toBe(true);
    expect(at('FD00:10:0::12')).toBe(true);
    expect(at('fd00:10::13')).toBe(false);
  });

  it('ticking with an IPv6 destination takes the node’s IPv6 address', () => {
    $packet.set({ ...emptyPacket, src: 'fd00:10::100', dst: 'fd00:10::12', local: '192.168.10.11 fd00:10::12 ::1' });
    setSentFromNode(true);
    expect($packet.get().src).toBe('fd00:10::12');
  });

  it('ticking takes the first address that is not loopback; unticking gives the client back', () => {
    $packet.setKey('src', '198.51.100.7');
    setSentFromNode(true);
    expect($packet.get().src).toBe('192.168.10.11');
    expect(sentFromNode($packet.get())).toBe(true);
    setSentFromNode(false);
    expect($packet.get().src).toBe('198.51.100.7');
    expect(sentFromNode($packet.get())).toBe(false);
  });

  it('with only loopback LOCAL, ticking sends from it; a typed local source unticks to the default client', () => {
    $packet.set({ ...emptyPacket, local: '127.0.0.1' });
    setSentFromNode(true);
    expect($packet.get().src).toBe('127.0.0.1');
    $packet.set({ ...emptyPacket, src: '10.9.9.9', local: '10.9.9.9' });
    setSentFromNode(false);
    expect($packet.get().src).toBe(emptyPacket.src);
  });

  it('a ticked box is traced from the node (OUTPUT), where the same packet from outside would be refused', () => {
    const text = generateIptablesSave(bounceCluster(), 'node-1');
    const request = (src: string) => ({
      text,
      localIPs: ['192.168.10.11', '127.0.0.1'],
      packet: { src, dst: '10.96.120.15', port: 80, protocol: 'tcp' as const },
      seed: 1,
      runCount: 0,
    });
    const report = traceDump(request('192.168.10.11'));
    expect(report.kind).toBe('traced');
    if (report.kind !== 'traced') return;
    expect(report.fromNode).toBe(true);
    expect(report.refusal).toBeNull();
    expect(report.exact?.kind).toBe('ok');
    const outside = traceDump(request('203.0.113.10'));
    expect(outside.kind === 'traced' && outside.fromNode).toBe(false);
  });
});
