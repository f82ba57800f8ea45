import { describe, expect, it } from 'vitest';
import { fenToYuan, ratioOf } from '../money/index';
import { cite } from '../policies/core/citation';
import { finalAmount, proposeAwards, supportStandard } from './standards';
import { governingVersion, IIFUND_BASE_VERSION, type IifundVersion, overridesOf } from './versions';

const yuan = (n: number) => BigInt(n) * 100n;
const cand = (id: string, rank: number, total: number, cluster?: string) => ({
  id,
  rank,
  enterpriseId: `e-${id}`,
  invoiceTotal: yuan(total),
  cluster: cluster ?? null,
});

describe('support standards from 003 第八条', () => {
  it('标杆: 50% of the invoices, at most ¥1,000,000 a project', () => {
    const s = supportStandard('benchmark_app', '2024-03-01');
    const [a, b] = proposeAwards({
      standard: s,
      budget: yuan(10_000_000),
      candidates: [cand('A', 1, 1_500_000), cand('B', 2, 3_000_000)],
    });
    expect(fenToYuan(a!.amount)).toBe('750000.00');
    expect(fenToYuan(b!.amount)).toBe('1000000.00');
    expect(b!.explanation.join('')).toContain('江工信工业互联网〔2021〕4号 第八条（一）');
  });

  it('上云上平台: 80%, at most ¥600,000 a firm', () => {
    const s = supportStandard('cloud', '2024-03-01');
    const [a] = proposeAwards({ standard: s, budget: yuan(5_000_000), candidates: [cand('A', 1, 1_000_000)] });
    expect(fenToYuan(a!.amount)).toBe('600000.00');
  });

  it('集群试点: 80% ≤ ¥500,000 a firm within the cluster’s ¥5,000,000', () => {
    const s = supportStandard('cluster', '2024-03-01');
    const firms = Array.from({ length: 11 }, (_, i) => cand(`F${i + 1}`, i + 1, 700_000, '水暖卫浴'));
    const out = proposeAwards({ standard: s, budget: yuan(20_000_000), candidates: firms });
    expect(out.slice(0, 10).every((a) => a.amount === yuan(500_000))).toBe(true);
    expect(out[10]).toMatchObject({ amount: 0n, status: 'capped_by_cluster' });
    const withEarlier = proposeAwards({
      standard: s,
      budget: yuan(20_000_000),
      candidates: [cand('X', 1, 700_000, '家电')],
      clusterCommitted: { 家电: yuan(4_800_000) },
    });
    expect(withEarlier[0]).toMatchObject({ amount: yuan(200_000), status: 'capped_by_cluster' });
  });

  it('funds in rank order within the budget: the next gets what is left, those after nothing', () => {
    const s = supportStandard('benchmark_app', '2024-03-01');
    const out = proposeAwards({
      standard: s,
      budget: yuan(1_200_000),
      candidates: [cand('B', 2, 1_000_000), cand('A', 1, 2_000_000), cand('C', 3, 100_000)],
    });
    expect(out.map((a) => [a.id, fenToYuan(a.amount), a.status])).toEqual([
      ['A', '1000000.00', 'funded'],
      ['B', '200000.00', 'partial'],
      ['C', '0.00', 'unfunded'],
    ]);
  });

  it('acceptance recomputes on the final invoices and only lowers the award', () => {
    const s = supportStandard('benchmark_app', '2024-03-01');
    const lower = finalAmount(s, yuan(750_000), yuan(1_200_000));
    expect([fenToYuan(lower.amount), fenToYuan(lower.released)]).toEqual(['600000.00', '150000.00']);
    const higher = finalAmount(s, yuan(750_000), yuan(1_800_000));
    expect([fenToYuan(higher.amount), fenToYuan(higher.released)]).toEqual(['750000.00', '0.00']);
  });
});

describe('versions of 003 (第十八条 有效期3年)', () => {
  const renewal: IifundVersion = {
    id: 'r1',
    docNumber: '江工信〔2025〕1号',
    validity: { from: '2025-01-01', to: '2027-12-31' },
    validityCitation: { ...cite('003', ['第十八条']), docNumber: '江工信〔2025〕1号' },
    overrides: overridesOf({
      'cloud.cap': { value: yuan(500_000), citation: { ...cite('003', ['第八条']), docNumber: '江工信〔2025〕1号' } },
      'cloud.rate': {
        value: ratioOf(70n, 100n),
        citation: { ...cite('003', ['第八条']), docNumber: '江工信〔2025〕1号' },
      },
    }),
    approvedAt: '2024-12-20T00:00:00.000Z',
  };

  it('a call within 003’s validity runs under it; after 2024-05-15 only under a recorded renewal', () => {
    expect(governingVersion([IIFUND_BASE_VERSION], '2024-05-15')).toMatchObject({
      ok: true,
      version: { id: 'iifund.003' },
    });
    const refused = governingVersion([IIFUND_BASE_VERSION], '2024-05-16');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.zh).toContain('江工信工业互联网〔2021〕4号 第十八条');
    expect(governingVersion([IIFUND_BASE_VERSION, renewal], '2026-03-01')).toMatchObject({
      ok: true,
      version: { id: 'r1' },
    });
  });

  it('a renewal’s changes replace the code’s values', () => {
    const s = supportStandard('cloud', '2026-03-01', renewal.overrides);
    const [a] = proposeAwards({ standard: s, budget: yuan(9_000_000), candidates: [cand('A', 1, 600_000)] });
    expect(fenToYuan(a!.amount)).toBe('420000.00');
    const [b] = proposeAwards({ standard: s, budget: yuan(9_000_000), candidates: [cand('B', 1, 1_000_000)] });
    expect(fenToYuan(b!.amount)).toBe('500000.00');
  });
});
