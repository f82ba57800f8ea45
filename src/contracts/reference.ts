/** Public reference data: districts and the cooperating financial institutions. */
import { z } from 'zod';

export const ZDistrict = z.object({ code: z.string().describe('行政区划代码'), name: z.string().describe('名称') });
export type TDistrict = z.infer<typeof ZDistrict>;

export const INSTITUTION_KINDS = ['bank', 'insurer', 'guarantor', 'operator', 'auditor'] as const;
export const ZInstitution = z.object({
  id: z.string().describe('机构编号'),
  kind: z
    .enum(INSTITUTION_KINDS)
    .describe('机构类型（bank 银行 / insurer 保险 / guarantor 担保 / operator 专项资金受托机构 / auditor 审计机构）'),
  name: z.string().describe('机构全称'),
  shortName: z.string().describe('简称'),
});
export type TInstitution = z.infer<typeof ZInstitution>;

export const ZInstitutionQuery = z.object({ kind: z.enum(INSTITUTION_KINDS).optional().describe('机构类型') });
