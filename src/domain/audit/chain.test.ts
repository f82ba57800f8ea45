import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../services/crypto/sm3';
import { canonicalJson, eventHash, GENESIS_HASH, type StoredEvent, verifyChain } from './chain';

describe('SM3', () => {
  it('matches the GB/T 32905-2016 examples, and sm-crypto on the UTF-8 bytes of any text', () => {
    // GB/T 32905-2016 Appendix A: "abc" and "abcd" × 16.
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    const utf8 = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => sm3Hex(s) === smCrypto.sm3(Array.from(utf8.encode(s)))),
    );
  });
});

describe('verifyChain', () => {
  function chain(n: number): StoredEvent[] {
    const out: StoredEvent[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const content = {
        seq,
        occurredAt: '2026-11-21T02:00:00.000Z',
        actorId: 'u1',
        actorName: '张三',
        actorRole: 'city_admin',
        scope: { city: '440700' },
        action: 'x.y',
        objectType: 't',
        objectId: String(seq),
        before: null,
        after: { b: 1, a: [1, 2] },
        clientIp: null,
        requestId: null,
      };
      const hash = eventHash(prev, content, sm3Hex);
      out.push({ ...content, prevHash: prev, hash });
      prev = hash;
    }
    return out;
  }

  it('accepts an intact chain, also verified in pieces', () => {
    const events = chain(10);
    expect(verifyChain(events, sm3Hex).problems).toEqual([]);
    const first = verifyChain(events.slice(0, 4), sm3Hex);
    expect(verifyChain(events.slice(4), sm3Hex, first.last).problems).toEqual([]);
  });

  it('hashes key order independently', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });

  it('reports any single alteration, deletion or swap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom('alter', 'delete', 'swap'), (i, kind) => {
        const events = chain(10);
        if (kind === 'alter') events[i] = { ...events[i]!, objectId: 'changed' };
        else if (kind === 'delete') events.splice(i, 1);
        else if (i < 9) [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
        else events.splice(i, 1);
        const { problems } = verifyChain(events, sm3Hex);
        // Deleting the very last event leaves a valid, shorter chain: only an anchor catches that.
        if (kind !== 'alter' && i === 9) return problems.length === 0;
        return problems.length > 0;
      }),
    );
  });
});
