/**
 * Which other modules' records claim a loan (today: subsidy applications). The loans module does not read other
 * modules' tables: the subsidy module registers its check at start-up (`services/modules.ts`), so the dependency
 * runs one way (subsidy → loans) and the lifecycle guard still asks inside the same transaction.
 */
import type { Tx } from '../../db/client';

/** One record that claims the loan, described in the user's terms, e.g. "2025 年度贴息、项目 JMSZ-2025-0001 的补贴申请（…）". */
export interface LoanClaim {
  id: string;
  describedZh: string;
}

export type LoanClaimCheck = (tx: Tx, loanId: string) => Promise<LoanClaim[]>;

const checks = new Map<string, LoanClaimCheck>();

/** Registers (or replaces) a named check. */
export function registerLoanClaimCheck(name: string, check: LoanClaimCheck): void {
  checks.set(name, check);
}

/** Every record of every registered module that claims the loan. */
export async function claimsOnLoan(tx: Tx, loanId: string): Promise<LoanClaim[]> {
  const out: LoanClaim[] = [];
  for (const check of checks.values()) out.push(...(await check(tx, loanId)));
  return out;
}
