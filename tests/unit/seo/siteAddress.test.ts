import { describe, expect, it } from 'vitest';
import { isLocalAddress, LOCAL_SITE, siteAddress } from '../../../src/seo/siteAddress';

describe('siteAddress', () => {
  it('falls back to the local preview address, with a warning, when SITE_URL is unset or empty', () => {
    for (const value of [undefined, '', '  ']) {
      const address = siteAddress(value);
      expect(address.site).toBe(LOCAL_SITE);
      expect(address.warning).toContain('SITE_URL is not set');
    }
  });

  it('takes a public address as it is, without a trailing slash, and says nothing', () => {
    expect(siteAddress('https://bounce.example.org/')).toEqual({ site: 'https://bounce.example.org', warning: '' });
    expect(siteAddress('https://example.org/bounce')).toEqual({ site: 'https://example.org/bounce', warning: '' });
  });

  it('warns when SITE_URL itself is a local address', () => {
    expect(siteAddress('http://localhost:8080').warning).toContain('only this computer can reach');
  });

  it('names the variable and the value when it is not an http(s) address', () => {
    expect(() => siteAddress('bounce.example.org')).toThrow(
      'SITE_URL must be an absolute address such as https://bounce.example.org, not "bounce.example.org".',
    );
    expect(() => siteAddress('ftp://bounce.example.org')).toThrow('SITE_URL must start with https:// or http://');
  });
});

describe('isLocalAddress', () => {
  it('knows loopback, localhost and the unspecified address', () => {
    for (const url of [
      'http://127.0.0.1:4321',
      'http://127.1.2.3/',
      'http://localhost',
      'http://app.localhost:3000',
      'http://[::1]:4321',
      'http://0.0.0.0',
    ]) {
      expect(isLocalAddress(new URL(url)), url).toBe(true);
    }
  });

  it('leaves public and private-network hosts alone', () => {
    for (const url of ['https://bounce.example.org', 'http://192.168.1.20:4321', 'https://127.example.org']) {
      expect(isLocalAddress(new URL(url)), url).toBe(false);
    }
  });
});
