import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../services/crypto/sm3';
import {
  canonicalJson,
  chainProblemMessage,
  eventHash,
  GENESIS_HASH,
  linkEvents,
  type StoredEvent,
  verifyChain,
} from './chain';

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

/** An event's content, numbered `seq`. */
const content = (seq: number, after: unknown = { b: 1, a: [1, 2] }) => ({
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
  after,
  clientIp: null,
  requestId: null,
});

describe('verifyChain', () => {
  function chain(n: number): StoredEvent[] {
    const out: StoredEvent[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const hash = eventHash(prev, content(seq), sm3Hex);
      out.push({ ...content(seq), prevHash: prev, hash });
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

describe('linking events whose numbers skip (rolled-back transactions)', () => {
  // 3, 6 and 7 were rolled back.
  const numbers = [1, 2, 4, 5, 8, 9, 10];
  const linked = () => linkEvents(numbers.map(content), sm3Hex, { seq: 0, hash: GENESIS_HASH });

  it('verifies intact: each event names the one it follows', () => {
    const events = linked();
    expect(events.map((e) => e.prevSeq)).toEqual([0, 1, 2, 4, 5, 8, 9]);
    expect(verifyChain(events, sm3Hex).problems).toEqual([]);
    const first = verifyChain(events.slice(0, 3), sm3Hex);
    expect(verifyChain(events.slice(3), sm3Hex, first.last).problems).toEqual([]);
  });

  it('links on from an existing chain end exactly as verification expects', () => {
    const head = linked();
    const end = { seq: 10, hash: head.at(-1)!.hash };
    const tail = linkEvents([content(12), content(13)], sm3Hex, end);
    expect(verifyChain([...head, ...tail], sm3Hex).problems).toEqual([]);
  });

  it('tells a deletion from a rollback gap, and names what is missing', () => {
    const events = linked().filter((e) => e.seq !== 8);
    const { problems } = verifyChain(events, sm3Hex);
    expect(problems).toEqual([
      { kind: 'gap', seq: 9, expected: 6, lastMissing: 8 },
      { kind: 'broken_link', seq: 9 },
    ]);
    expect(chainProblemMessage(problems[0]!)).toContain('至少第 8 条（事件被删除）');
    const adjacent = verifyChain(
      linked().filter((e) => e.seq !== 2),
      sm3Hex,
    ).problems[0]!;
    expect(chainProblemMessage(adjacent)).toBe('第 4 条之前缺少第 2 条（事件被删除）');
  });

  it('reports an event slipped into a rollback gap, even with a correct hash of its own', () => {
    const events = linked();
    const i = events.findIndex((e) => e.seq === 5);
    const forgedContent = { ...content(6), prevSeq: 5 };
    const forged = {
      ...forgedContent,
      prevHash: events[i]!.hash,
      hash: eventHash(events[i]!.hash, forgedContent, sm3Hex),
    };
    events.splice(i + 1, 0, forged);
    const { problems } = verifyChain(events, sm3Hex);
    expect(problems).toEqual([
      { kind: 'inserted', seq: 8, expected: 5 },
      { kind: 'broken_link', seq: 8 },
    ]);
    expect(chainProblemMessage(problems[0]!)).toContain('事件被插入');
  });

  it('reports any single alteration, deletion, swap or changed link', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.constantFrom('alter', 'delete', 'swap', 'relink'), (i, kind) => {
        const events: StoredEvent[] = linked();
        if (kind === 'alter') events[i] = { ...events[i]!, after: { n: -1 } };
        else if (kind === 'relink') events[i] = { ...events[i]!, prevSeq: (events[i]!.prevSeq ?? 0) + 1 };
        else if (kind === 'delete') events.splice(i, 1);
        else if (i < 6) [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
        else events.splice(i, 1);
        const { problems } = verifyChain(events, sm3Hex);
        if ((kind === 'delete' || kind === 'swap') && i === 6) return problems.length === 0;
        return problems.length > 0;
      }),
    );
  });
});
