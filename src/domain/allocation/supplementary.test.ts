import { describe, expect, it } from 'vitest';
import { allocateBudget } from './allocate';
import { explainSupplementaryRun, explainTopUp, freedBudget, topUpNeed } from './supplementary';

describe('递补 helpers', () => {
  it('freed budget is what standing awards leave, never negative', () => {
    expect(freedBudget(2_000_000n, 880_000n)).toBe(1_120_000n);
    expect(freedBudget(2_000_000n, 2_000_000n)).toBe(0n);
    expect(freedBudget(2_000_000n, 2_100_000n)).toBe(0n);
  });

  it('a candidate asks for what it lacks, never a negative amount', () => {
    expect(topUpNeed(810_000n, 380_000n)).toBe(430_000n);
    expect(topUpNeed(810_000n, 0n)).toBe(810_000n);
    expect(topUpNeed(300_000n, 380_000n)).toBe(0n);
  });

  it('the top-ups are funded in order up to the freed budget (partial mode)', () => {
    const r = allocateBudget(
      [
        { id: 'D', declarationMonth: '2024-03', loanDisbursedAtMs: Date.parse('2024-04-04'), amount: 810_000n },
        { id: 'C', declarationMonth: '2024-03', loanDisbursedAtMs: Date.parse('2024-04-03'), amount: 430_000n },
      ],
      freedBudget(2_000_000n, 880_000n),
      'partial',
    );
    expect(Array.from(r.awarded)).toEqual([690_000n, 430_000n]);
    expect(r.remaining).toBe(0n);
  });

  it('explanations say 递补 and cite the order rule', () => {
    const run = explainSupplementaryRun({ budget: 2_000_000n, standing: 880_000n, freed: 1_120_000n, round: 1 });
    expect(run).toContain('释放可递补预算11200.00元');
    expect(run).toContain('申报指南 六（四）');
    const lines = explainTopUp({
      originalRank: 3,
      originalStatus: 'partial',
      alreadyAwarded: 380_000n,
      amountNow: 810_000n,
      need: 430_000n,
      remainingBefore: 1_120_000n,
      awarded: 430_000n,
      status: 'funded',
    }).join('\n');
    expect(lines).toContain('递补');
    expect(lines).toContain('申报指南 六（四）');
    expect(lines).toContain('排第3位（部分安排（预算余额不足））');
    expect(lines).toContain('递补安排4300.00元：足额安排');
  });
});
