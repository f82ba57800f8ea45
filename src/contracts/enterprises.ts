/**
 * Enterprises: registration, profile, list/read shapes, resource-pool membership and credit standing.
 * Shared by the API (route schemas, OpenAPI) and the web forms. Phones and ID numbers are only ever returned masked.
 */
import { z } from 'zod';
import { checkPassword } from '../domain/access/password-policy';
import { DISTRICT_CODES, OUTSIDE_CITY } from '../domain/enterprise/districts';
import { validatePhone } from '../domain/enterprise/phone';
import { validateResidentId } from '../domain/enterprise/resident-id';
import { describeUsccProblems, normalizeUscc, validateUscc } from '../domain/enterprise/uscc';
import { ZIsoDate } from './common';
import { itemList, requireField } from './fields';

export const ENTERPRISE_TYPES = ['manufacturer', 'service_provider'] as const;
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];
export const ENTERPRISE_TYPE_NAMES: Record<EnterpriseType, { zh: string; en: string }> = {
  manufacturer: { zh: '制造业企业', en: 'Manufacturer' },
  service_provider: { zh: '数字化转型服务商', en: 'Digital service provider' },
};

export const CREDIT_STATUSES = ['good', 'abnormal', 'dishonest'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];
export const CREDIT_STATUS_NAMES: Record<CreditStatus, { zh: string; en: string }> = {
  good: { zh: '信用良好', en: 'Good standing' },
  abnormal: { zh: '列入经营异常名录', en: 'Listed as operating abnormally' },
  dishonest: { zh: '列入严重违法失信名单', en: 'Listed as seriously dishonest' },
};

/** 统一社会信用代码: normalised (upper case, full-width → ASCII) and checked by GB 32100-2015. */
export const ZUscc = z
  .string()
  .max(40)
  .superRefine((v, ctx) => {
    const r = validateUscc(v);
    if (!r.ok) {
      ctx.addIssue({
        code: 'custom',
        message: describeUsccProblems(r.problems, 'zh'),
        params: { en: describeUsccProblems(r.problems, 'en'), problems: r.problems.map((p) => p.code) },
      });
    }
  })
  .describe('统一社会信用代码')
  .transform((v) => normalizeUscc(v))
  .describe('统一社会信用代码');

/** Mainland mobile or landline, normalised ("13800138000", "0750-3501234"). */
export const ZPhone = (label: string) =>
  z
    .string()
    .max(30)
    .superRefine((v, ctx) => {
      const r = validatePhone(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.zh, params: { en: r.en } });
    })
    .describe(label)
    .transform((v) => {
      const r = validatePhone(v);
      return r.ok ? r.value : v;
    })
    .describe(label);

/** 18-digit resident ID number with its GB 11643 check character. */
export const ZResidentId = (label: string) =>
  z
    .string()
    .max(30)
    .superRefine((v, ctx) => {
      const r = validateResidentId(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.problem.zh, params: { en: r.problem.en } });
    })
    .describe(label)
    .transform((v) => v.trim().toUpperCase())
    .describe(label);

const ZText = (label: string, max: number) => z.string().trim().min(1).max(max).describe(label);

export const ZDistrictChoice = z
  .enum([...DISTRICT_CODES, OUTSIDE_CITY])
  .describe('所在县（市、区）；江门市外注册的企业选 outside');

export const ZEnterpriseType = z.enum(ENTERPRISE_TYPES).describe('企业类型');
export const ZCreditStatus = z.enum(CREDIT_STATUSES).describe('信用状况');

export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$/;

export const ZRegisterAccount = z
  .object({
    username: z
      .string()
      .trim()
      .regex(USERNAME_RE, { message: '应为 3–64 位字母、数字或 _ . @ -，以字母或数字开头' })
      .describe('用户名'),
    displayName: ZText('姓名', 64),
    password: z.string().min(1).max(200).describe('密码'),
  })
  .superRefine((a, ctx) => {
    for (const p of checkPassword(a.password, a.username)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: p.zh, params: { en: p.en, code: p.code } });
    }
  })
  .describe('管理员账号');

const registerShape = {
  uscc: ZUscc,
  name: ZText('企业名称', 200),
  registeredAddress: ZText('注册地址', 300),
  operatingAddress: ZText('经营地址', 300),
  districtCode: ZDistrictChoice,
  type: ZEnterpriseType,
  isSme: z.boolean().describe('是否中小企业'),
  establishedOn: ZIsoDate('成立日期'),
  contactName: ZText('联系人', 64),
  contactPhone: ZPhone('联系电话'),
  legalRepName: ZText('法定代表人姓名', 64).optional(),
  legalRepIdNumber: ZResidentId('法定代表人身份证号码').optional(),
};

/** POST /api/v1/enterprises/register — creates the enterprise and its first (administrator) account. */
export const ZRegisterEnterprise = z.object({ ...registerShape, account: ZRegisterAccount }).superRefine((v, ctx) => {
  if (v.legalRepIdNumber && !v.legalRepName)
    requireField(
      ctx,
      'legalRepName',
      '填写法定代表人身份证号码时须同时填写姓名',
      'is required together with the ID number',
    );
});
export type TRegisterEnterprise = z.infer<typeof ZRegisterEnterprise>;
export type TRegisterEnterpriseInput = z.input<typeof ZRegisterEnterprise>;

export const ZRegisterEnterpriseResult = z.object({
  enterpriseId: z.string().describe('企业编号'),
  userId: z.string().describe('管理员用户编号'),
});
export type TRegisterEnterpriseResult = z.infer<typeof ZRegisterEnterpriseResult>;

/** Read shape. Personal data is masked; `outsideCity` enterprises are ineligible for city programmes. */
export const ZEnterprise = z.object({
  id: z.string().describe('企业编号'),
  uscc: z.string().describe('统一社会信用代码'),
  name: z.string().describe('企业名称'),
  registeredAddress: z.string().describe('注册地址'),
  operatingAddress: z.string().describe('经营地址'),
  districtCode: z.string().nullable().describe('所在县（市、区）代码；市外企业为 null'),
  districtName: z.string().nullable().describe('所在县（市、区）名称'),
  outsideCity: z.boolean().describe('是否江门市外注册'),
  eligibleForCityProgrammes: z.boolean().describe('能否申报市级扶持项目'),
  ineligibleReason: z.string().optional().describe('不能申报的原因'),
  type: ZEnterpriseType,
  isSme: z.boolean().describe('是否中小企业'),
  establishedOn: z.string().describe('成立日期'),
  inResourcePool: z.boolean().describe('是否入选数字化转型供给资源池'),
  resourcePoolSince: z.string().nullable().describe('入池日期'),
  creditStatus: ZCreditStatus,
  creditSource: z.string().nullable().describe('信用信息来源'),
  creditAsOf: z.string().nullable().describe('信用信息日期'),
  contactName: z.string().describe('联系人'),
  contactPhoneMasked: z.string().describe('联系电话（脱敏）'),
  legalRepName: z.string().nullable().describe('法定代表人姓名'),
  legalRepIdNumberMasked: z.string().nullable().describe('法定代表人身份证号码（脱敏）'),
  version: z.number().int().describe('版本号（修改时回传，用于并发控制）'),
  createdAt: z.string().describe('注册时间'),
  updatedAt: z.string().describe('更新时间'),
});
export type TEnterprise = z.infer<typeof ZEnterprise>;

const ZBoolString = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .describe('是否入池（true/false）');

export const ZEnterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('关键字（企业名称或统一社会信用代码）'),
  districtCode: ZDistrictChoice.optional(),
  type: ZEnterpriseType.optional(),
  creditStatus: ZCreditStatus.optional(),
  inResourcePool: ZBoolString.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
export type TEnterpriseListQuery = z.infer<typeof ZEnterpriseListQuery>;

export const ZEnterpriseList = z.object({
  items: z.array(ZEnterprise),
  total: z.number().int().describe('总条数'),
  page: z.number().int().describe('页码'),
  pageSize: z.number().int().describe('每页条数'),
});
export type TEnterpriseList = z.infer<typeof ZEnterpriseList>;

export const ZEnterpriseIdParams = z.object({
  id: z.uuid({ message: '企业编号应为 UUID' }).describe('企业编号'),
});

/**
 * PATCH /api/v1/enterprises/:id by the enterprise's administrator. USCC, district, resource pool and credit standing
 * are not editable here. `legalRepName`/`legalRepIdNumber` null clears them.
 */
export const ZUpdateEnterprise = z
  .object({
    version: z.number().int().min(1).describe('版本号'),
    name: ZText('企业名称', 200).optional(),
    registeredAddress: ZText('注册地址', 300).optional(),
    operatingAddress: ZText('经营地址', 300).optional(),
    type: ZEnterpriseType.optional(),
    isSme: z.boolean().describe('是否中小企业').optional(),
    establishedOn: ZIsoDate('成立日期').optional(),
    contactName: ZText('联系人', 64).optional(),
    contactPhone: ZPhone('联系电话').optional(),
    legalRepName: ZText('法定代表人姓名', 64).nullable().optional(),
    legalRepIdNumber: ZResidentId('法定代表人身份证号码').nullable().optional(),
  })
  .strict();
export type TUpdateEnterprise = z.infer<typeof ZUpdateEnterprise>;
export type TUpdateEnterpriseInput = z.input<typeof ZUpdateEnterprise>;

/** POST /api/v1/enterprises/:id/resource-pool (city administrator). */
export const ZSetResourcePool = z
  .object({
    inResourcePool: z.boolean().describe('是否入选资源池'),
    since: ZIsoDate('入池日期').optional(),
    note: z.string().trim().max(500).optional().describe('备注（如公布文件文号）'),
  })
  .superRefine((v, ctx) => {
    if (v.inResourcePool && !v.since)
      requireField(ctx, 'since', '入选资源池时须填写入池日期', 'is required when joining the pool');
  });
export type TSetResourcePool = z.infer<typeof ZSetResourcePool>;

/** POST /api/v1/enterprises/:id/credit-standing (city administrator). */
export const ZSetCreditStanding = z.object({
  status: ZCreditStatus,
  source: ZText('信息来源（如 信用中国、国家企业信用信息公示系统）', 200),
  asOf: ZIsoDate('信息日期'),
  note: z.string().trim().max(500).optional().describe('备注'),
});
export type TSetCreditStanding = z.infer<typeof ZSetCreditStanding>;

export const ZCreditChange = z.object({
  id: z.string(),
  fromStatus: ZCreditStatus.describe('变更前'),
  toStatus: ZCreditStatus.describe('变更后'),
  source: z.string().describe('信息来源'),
  asOf: z.string().describe('信息日期'),
  note: z.string().nullable().describe('备注'),
  changedBy: z.string().describe('操作人编号'),
  changedByName: z.string().describe('操作人'),
  changedAt: z.string().describe('操作时间'),
});
export type TCreditChange = z.infer<typeof ZCreditChange>;

export const ZCreditHistory = itemList(ZCreditChange);
export type TCreditHistory = z.infer<typeof ZCreditHistory>;
