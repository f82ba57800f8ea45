/**
 * The credit profile's demo history, made through the use cases: the city records 蓬江精密五金's (qiye) digital-level assessment
 * (三级, 002 三（四）2); 工商银行, under its consent, opens its profile (the view it sees in its log); 江门农商银行
 * records a repayment of 海联's loan six days late, which raises a risk warning to the bank and to 新会.
 */
import { ZDigitalLevelInput } from '../../contracts/credit';
import { ZRecordRepayment } from '../../contracts/loans';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../../services/context';
import { readProfile, recordDigitalLevel } from '../../services/credit';
import { recordRepayment } from '../../services/loans';

type As = (username: string, at: Date) => Promise<Ctx & { actor: Actor }>;
type Schedule = (local: string, run: (when: Date) => Promise<unknown>) => void;

export function scheduleDemoCredit(step: Schedule, as: As, loanOf: (key: string) => string): void {
  step('2026-11-05 10:00', async (when) => {
    const qiye = (await as('qiye', when)).actor.enterpriseId!;
    await recordDigitalLevel(
      await as('admin', when),
      qiye,
      ZDigitalLevelInput.parse({
        level: 3,
        score: '76.5',
        assessedOn: '2026-10-20',
        validTo: '2027-10-19',
        assessor: '广东省中小企业数字化水平评测服务机构（与市工业和信息化局合作）',
        evidence: '《中小企业数字化水平评测指标》评测报告（编号 SZPC-2026-0312），含现场核验记录',
      }),
    );
  });
  step('2026-11-18 10:20', async (when) => {
    const qiye = (await as('qiye', when)).actor.enterpriseId!;
    await readProfile(await as('gonghang', when), qiye);
  });
  step('2026-11-19 09:30', async (when) =>
    recordRepayment(
      await as('nongshang', when),
      loanOf('hailian'),
      ZRecordRepayment.parse({
        periodNo: 7,
        dueDate: '2026-11-12',
        paidDate: '2026-11-18',
        principalPaid: '0.00',
        interestPaid: '3500.00',
      }),
    ),
  );
}
