/**
 * The what-if sandbox (政策沙盘): the same applications allocated twice — under the live parameters and under a
 * scenario — compared side by side: how many are funded, the amounts by district and by declaration month, who
 * gains and who loses and by how much, and the budget left. Pure: the caller computes both allocations.
 */
import type { Fen } from '../money/index';

export interface SandboxRow {
  readonly applicationId: string;
  readonly enterpriseId: string;
  readonly districtCode: string;
  readonly declarationMonth: string;
  readonly live: Fen;
  readonly scenario: Fen;
}

export interface SandboxSide {
  readonly budget: Fen;
  readonly awarded: Fen;
  readonly remaining: Fen;
  readonly funded: number;
}

export interface SandboxGroup {
  readonly key: string;
  readonly live: Fen;
  readonly scenario: Fen;
  readonly difference: Fen;
}

export interface SandboxComparison {
  readonly applications: number;
  readonly live: SandboxSide;
  readonly scenario: SandboxSide;
  readonly byDistrict: readonly SandboxGroup[];
  readonly byMonth: readonly SandboxGroup[];
  /** Applications whose amount changes, the largest loss first, then the largest gain. */
  readonly changes: readonly (SandboxRow & { readonly difference: Fen })[];
  readonly losers: number;
  readonly gainers: number;
}

function side(rows: readonly SandboxRow[], budget: Fen, pick: (r: SandboxRow) => Fen): SandboxSide {
  let awarded = 0n;
  let funded = 0;
  for (const r of rows) {
    const v = pick(r);
    awarded += v;
    if (v > 0n) funded++;
  }
  return { budget, awarded, remaining: budget - awarded, funded };
}

function groups(rows: readonly SandboxRow[], keyOf: (r: SandboxRow) => string): SandboxGroup[] {
  const m = new Map<string, { live: Fen; scenario: Fen }>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = m.get(k) ?? { live: 0n, scenario: 0n };
    g.live += r.live;
    g.scenario += r.scenario;
    m.set(k, g);
  }
  return [...m.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, live: g.live, scenario: g.scenario, difference: g.scenario - g.live }));
}

export function compareOutcomes(
  rows: readonly SandboxRow[],
  budgets: { readonly live: Fen; readonly scenario: Fen },
): SandboxComparison {
  const changes = rows
    .filter((r) => r.live !== r.scenario)
    .map((r) => ({ ...r, difference: r.scenario - r.live }))
    .sort((a, b) =>
      a.difference < b.difference ? -1 : a.difference > b.difference ? 1 : a.applicationId < b.applicationId ? -1 : 1,
    );
  return {
    applications: rows.length,
    live: side(rows, budgets.live, (r) => r.live),
    scenario: side(rows, budgets.scenario, (r) => r.scenario),
    byDistrict: groups(rows, (r) => r.districtCode),
    byMonth: groups(rows, (r) => r.declarationMonth),
    changes,
    losers: changes.filter((c) => c.difference < 0n).length,
    gainers: changes.filter((c) => c.difference > 0n).length,
  };
}
