/** The `huiqi risk-compensation` calculator: the contract's formula on the domain's exact arithmetic. */
import type { TRiskCompensationInput, TRiskCompensationResult } from '../../contracts/guarantee';
import { computeCompensation, explainReturn, poolReturnOf } from '../../domain/guarantee/index';
import { fenToYuan, ratio, yuanToFen } from '../../domain/money/index';

export function riskCompensationApi(input: TRiskCompensationInput): TRiskCompensationResult {
  const r = computeCompensation({
    loss: yuanToFen(input.loss),
    recoveredBeforeClaim: yuanToFen(input.recoveredBeforeClaim),
    share: ratio(input.share),
    limits:
      input.capPerLoan === null
        ? []
        : [{ amount: yuanToFen(input.capPerLoan), label: '单笔贷款补偿上限', citation: null }],
  });
  // The contract's schema refuses inputs without a loss; a refusal here is a broken invariant.
  if (!r.ok) throw new RangeError(r.zh);
  const after = input.recoveriesAfterPayment.reduce((s, v) => s + yuanToFen(v), 0n);
  const returned = poolReturnOf(r.compensation, r.netLoss, after);
  const explanation = [...r.explanation];
  if (input.recoveriesAfterPayment.length > 0)
    explanation.push(explainReturn(r.compensation, r.netLoss, after, returned));
  return {
    netLoss: fenToYuan(r.netLoss),
    compensation: fenToYuan(r.compensation),
    returned: fenToYuan(returned),
    net: fenToYuan(r.compensation - returned),
    explanation,
  };
}
