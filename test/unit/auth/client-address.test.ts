// The per-client limits count by the address Cloudflare reports (CF-Connecting-IP): an IPv4
// address as itself, an IPv6 address by its /64, however it is spelt (docs/decisions/016).
import type { AppLoadContext } from '@remix-run/cloudflare';
import { describe, expect, it } from 'vitest';
import { clientAddress, clientAllowed } from '~/auth/limits.server';
import { FakeRateLimiter } from '../../support/rate-limiter';

const from = (address?: string) =>
  new Request('http://localhost:8787/signin', {
    headers: address === undefined ? {} : { 'CF-Connecting-IP': address },
  });

/** One request from each address in turn, against one allowance of `limit` a minute. */
async function answers(addresses: (string | undefined)[], limit: number) {
  const password = new FakeRateLimiter({ limit, period: 60 });
  const context = { config: { limiters: { password } } } as unknown as AppLoadContext;
  const allowed: boolean[] = [];
  for (const address of addresses)
    allowed.push(await clientAllowed(context, from(address), 'password'));
  return allowed;
}

describe('the client’s address, as the per-client limits count it', () => {
  it('is an IPv4 address as Cloudflare sent it', () => {
    expect(clientAddress(from('203.0.113.77'))).toBe('203.0.113.77');
    expect(clientAddress(from(' 203.0.113.77 '))).toBe('203.0.113.77');
  });

  it('is the IPv4 address inside an IPv4-mapped IPv6 address, in either case', () => {
    expect(clientAddress(from('::ffff:192.168.100.200'))).toBe('192.168.100.200');
    expect(clientAddress(from('::FFFF:192.168.100.200'))).toBe('192.168.100.200');
  });

  it('is the /64 for an IPv6 address with a dotted tail that is not IPv4-mapped', () => {
    expect(clientAddress(from('2001:db8::ffff:192.0.2.1'))).toBe('2001:db8:0:0::/64');
    expect(clientAddress(from('1::ffff:192.0.2.1'))).toBe('1:0:0:0::/64');
  });

  it('is the /64 of an IPv6 address, written the same way for every spelling', () => {
    const spellings: [string, string][] = [
      ['2001:db8::1', '2001:db8:0:0::/64'],
      ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8:0:0::/64'],
      ['2001:db8:0:0:aaaa:bbbb:cccc:dddd', '2001:db8:0:0::/64'],
      ['1::2:3:4:5:6', '1:0:0:2::/64'],
      ['2001::5:6:7:8:9:a', '2001:0:5:6::/64'],
      ['::1:2:3:4:5:6', '0:0:1:2::/64'],
      ['::1', '0:0:0:0::/64'],
      ['fe80:1:2:3::', 'fe80:1:2:3::/64'],
    ];
    expect(spellings.map(([address]) => clientAddress(from(address)))).toEqual(
      spellings.map(([, prefix]) => prefix),
    );
  });

  it('is "unknown" when Cloudflare sent no address, or a blank one', () => {
    expect(clientAddress(from())).toBe('unknown');
    expect(clientAddress(from('   '))).toBe('unknown');
  });
});

describe('per-client allowances', () => {
  it('two spellings of one IPv6 address share one allowance', async () => {
    expect(await answers(['2001:db8::1', '2001:DB8:0:0:0:0:0:1'], 1)).toEqual([true, false]);
    expect(await answers(['::1:2:3:4:5:6', '0:0:1:2:3:4:5:6'], 1)).toEqual([true, false]);
    expect(await answers(['1::2:3:4:5:6', '1:0:0:2:3:4:5:6'], 1)).toEqual([true, false]);
    expect(await answers(['2001::5:6:7:8:9:a', '2001:0:5:6:7:8:9:a'], 1)).toEqual([true, false]);
  });

  it('every address in one /64 shares one allowance (one household or phone)', async () => {
    const household = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:3::'];
    expect(await answers(household, 2)).toEqual([true, true, false]);
  });

  it('each /64 has its own allowance, however alike their digits', async () => {
    const neighbours = ['2001:db8:1:2::1', '2001:db8:1:3::1', '1:23::1', '12:3::1', '::1', '1::'];
    expect(await answers(neighbours, 1)).toEqual(Array(neighbours.length).fill(true));
  });

  it('an IPv4-mapped address counts as its IPv4 address', async () => {
    expect(await answers(['198.51.100.23', '::ffff:198.51.100.23'], 1)).toEqual([true, false]);
    expect(await answers(['198.51.100.23', '::ffff:198.51.100.24'], 1)).toEqual([true, true]);
  });

  it('requests without an address share one allowance, apart from every real address', async () => {
    expect(await answers([undefined, '203.0.113.77', '2001:db8::1', ''], 1)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
