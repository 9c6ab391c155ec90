import { describe, expect, it } from 'vitest';
import { splitAddresses, validateTrace, type TraceFields } from '../../../src/stores/traceValidate';

const good: TraceFields = {
  text: '*nat\nCOMMIT\n',
  src: '192.168.10.100',
  dst: '192.168.10.12',
  port: '30080',
  protocol: 'tcp',
  local: '192.168.10.12, 127.0.0.1',
  runCount: 10_000,
};

describe('validateTrace', () => {
  it('turns good fields into a request: trimmed, loopback left to lo, the node address first', () => {
    const { errors, request } = validateTrace(
      { ...good, src: ' 192.168.10.100 ', local: '127.0.0.1 192.168.10.12,10.0.0.5' },
      7,
    );
    expect(errors).toEqual({});
    expect(request).toEqual({
      text: good.text,
      packet: { src: '192.168.10.100', dst: '192.168.10.12', port: 30080, protocol: 'tcp' },
      localIPs: ['192.168.10.12', '10.0.0.5'],
      runCount: 10_000,
      seed: 7,
    });
  });

  it('names each wrong field with its own message', () => {
    const { errors, request } = validateTrace(
      { ...good, text: '  \n', src: '', dst: '10.0.0.256', port: '0', local: '127.0.0.1' },
      1,
    );
    expect(request).toBeNull();
    expect(errors).toEqual({
      text: { code: 'textEmpty', values: {} },
      src: { code: 'required', values: { example: '198.51.100.10' } },
      dst: { code: 'notIP', values: { value: '10.0.0.256' } },
      port: { code: 'port', values: {} },
      local: { code: 'localLoopbackOnly', values: {} },
    });
  });

  it.each([
    ['65536', false],
    ['65535', true],
    ['1', true],
    ['1e3', false],
    ['-1', false],
    ['80 ', true],
    ['', false],
  ])('port %j valid: %s', (port, ok) => {
    expect(validateTrace({ ...good, port }, 1).errors.port === undefined).toBe(ok);
  });

  it('reports a bad LOCAL entry by its text, shortened', () => {
    expect(validateTrace({ ...good, local: '192.168.10.12, fe80::1::2' }, 1).errors.local).toEqual({
      code: 'localBad',
      values: { value: 'fe80::1::2' },
    });
    const long = 'x'.repeat(500);
    expect(validateTrace({ ...good, src: long }, 1).errors.src?.values['value']).toHaveLength(41);
    expect(validateTrace({ ...good, local: ' , ' }, 1).errors.local?.code).toBe('localEmpty');
    const many = Array.from({ length: 65 }, (_, i) => `10.0.0.${i + 1}`).join(' ');
    expect(validateTrace({ ...good, local: many }, 1).errors.local).toEqual({
      code: 'localTooMany',
      values: { max: 64 },
    });
  });

  describe('IPv6', () => {
    const v6: TraceFields = { ...good, src: 'fd00:10::100', dst: 'fd00:10::12', local: 'fd00:10::12, ::1' };

    it('takes IPv6 addresses in every address field, ::1 counting as loopback', () => {
      const { errors, request } = validateTrace(v6, 1);
      expect(errors).toEqual({});
      expect(request?.localIPs).toEqual(['fd00:10::12']);
      expect(request?.packet).toEqual({ src: 'fd00:10::100', dst: 'fd00:10::12', port: 30080, protocol: 'tcp' });
      expect(validateTrace({ ...v6, local: '::1' }, 1).errors.local?.code).toBe('localLoopbackOnly');
    });

    it('keeps a connection in one family, naming both', () => {
      expect(validateTrace({ ...v6, src: '192.168.10.100' }, 1).errors).toEqual({
        src: { code: 'mixedFamily', values: { srcFamily: 4, dstFamily: 6 } },
      });
    });

    it('refuses brackets, ports and zones in the address itself', () => {
      expect(validateTrace({ ...v6, dst: '[fd00:10::12]:30080' }, 1).errors.dst?.code).toBe('notIP');
      expect(validateTrace({ ...v6, src: 'fe80::1%eth0' }, 1).errors.src?.code).toBe('notIP');
    });

    it('takes an IPv6 ping (ICMPv6 echo), which has no port', () => {
      expect(validateTrace({ ...v6, protocol: 'icmp', port: '' }, 1).errors).toEqual({});
      expect(validateTrace({ ...v6, protocol: 'icmp', port: '80' }, 1).errors.port?.code).toBe('icmpPort');
    });
  });

  it('refuses dumps over the size limit, and odd run sizes fall back to the default', () => {
    expect(validateTrace({ ...good, text: 'x'.repeat(64 * 1024 * 1024 + 1) }, 1).errors.text).toEqual({
      code: 'textTooBig',
      values: { max: '64 MiB' },
    });
    expect(validateTrace({ ...good, runCount: 7 }, 1).request?.runCount).toBe(10_000);
  });

  it('splitAddresses drops empties and repeats', () => {
    expect(splitAddresses(' 10.0.0.1,,10.0.0.1 \n 10.0.0.2 ')).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});
