/**
 * The ranking-and-cap loop shared by the allocation run and the 递补 round, written once. The applications are
 * put in the first-come-first-served order (申报指南 六（四）: declaration month, then first disbursement, then
 * deterministic ties); in that order each is decided with what its enterprise already holds plus what earlier
 * applications of the same enterprise take in this run (so the per-enterprise cap is shared in order); what each
 * asks of the budget is then funded against the budget in the campaign's mode. Pure: the caller passes the
 * decision function and the holdings it loaded.
 */
import { monthIndexOf } from '../calendar/dates';
import type { Fen } from '../money/index';
import {
  type AllocationColumns,
  type AllocationMode,
  type AllocationResult,
  allocateColumns,
  rankApplications,
} from './allocate';

/** What the loop needs of one application. */
export interface RankedApplication {
  applicationId: string;
  enterpriseId: string;
  /** 'YYYY-MM' of the project's declaration. */
  declarationMonth: string;
  firstDisbursedAt: Date;
  submittedAt: Date;
}

export interface RankAndCapInput<D extends { amountFen: Fen }> {
  apps: readonly RankedApplication[];
  /** What the enterprise of application `i` holds before this run, as counted against its cap. */
  heldBefore: (i: number) => Fen;
  /** Decides application `i` given what its enterprise holds (cap used) at its turn. */
  decide: (i: number, capUsed: Fen) => D;
  /** What application `i` asks of the budget once decided (default: its whole amount). */
  ask?: (i: number, decision: D) => Fen;
  budget: Fen;
  mode: AllocationMode;
  /**
   * Ties after month and disbursement broken by the application id alone (the reading `id_only` of the register's
   * 排序中的并列); default: submission time, then id.
   */
  tiesById?: boolean;
}

export interface RankAndCapOutcome<D> {
  cols: AllocationColumns;
  /** By input index. */
  decisions: D[];
  /** Amount after the cap, before the budget, by input index. */
  amounts: Fen[];
  /** What each asked of the budget, by input index. */
  asks: Fen[];
  result: AllocationResult;
  /** Sum of the asks. */
  totalRequested: Fen;
}

export function rankDecideAndAllocate<D extends { amountFen: Fen }>(input: RankAndCapInput<D>): RankAndCapOutcome<D> {
  const { apps } = input;
  const n = apps.length;
  const cols: AllocationColumns = {
    ids: apps.map((m) => m.applicationId),
    monthIndex: Int32Array.from(apps, (m) => monthIndexOf(m.declarationMonth)),
    disbursedMs: Float64Array.from(apps, (m) => m.firstDisbursedAt.getTime()),
    submittedMs: Float64Array.from(apps, (m) => (input.tiesById ? 0 : m.submittedAt.getTime())),
    amount: new BigInt64Array(n),
  };
  const order = rankApplications(cols);
  const decisions = new Array<D>(n);
  const amounts = new Array<Fen>(n);
  const asks = new Array<Fen>(n);
  const runUse = new Map<string, Fen>();
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const e = apps[i]!.enterpriseId;
    const d = input.decide(i, input.heldBefore(i) + (runUse.get(e) ?? 0n));
    decisions[i] = d;
    amounts[i] = d.amountFen;
    const ask = input.ask ? input.ask(i, d) : d.amountFen;
    asks[i] = ask;
    cols.amount[i] = ask;
    if (ask > 0n) runUse.set(e, (runUse.get(e) ?? 0n) + ask);
  }
  const result = allocateColumns(cols, input.budget, input.mode);
  let totalRequested = 0n;
  for (const a of asks) totalRequested += a;
  return { cols, decisions, amounts, asks, result, totalRequested };
}
