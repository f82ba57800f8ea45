/**
 * Demo data for a first start: cooperating banks and insurers/guarantors, one account per role, and a few
 * enterprises. Loaded once (when there are no users). Demo passwords are printed at start-up; change them.
 */
import { count } from 'drizzle-orm';
import { hashPassword } from '../../services/auth';
import type { DataCipher } from '../../services/crypto';
import type { DbOrTx } from '../client';
import { enterprises, institutions, users } from '../schema';

export const DEMO_PASSWORD = 'Huiqi@2026';

export const DEMO_INSTITUTIONS = [
  { kind: 'bank', name: '中国工商银行股份有限公司江门分行', shortName: '工商银行江门分行' },
  { kind: 'bank', name: '中国农业银行股份有限公司江门分行', shortName: '农业银行江门分行' },
  { kind: 'bank', name: '广东江门农村商业银行股份有限公司', shortName: '江门农商银行' },
  { kind: 'insurer', name: '中国人民财产保险股份有限公司江门市分公司', shortName: '人保财险江门分公司' },
  { kind: 'guarantor', name: '江门市融资担保有限公司', shortName: '江门融资担保' },
  { kind: 'operator', name: '数字江门网络建设有限公司', shortName: '数江公司' },
  { kind: 'auditor', name: '江门诚信会计师事务所（演示）', shortName: '诚信会计师事务所' },
] as const;

export interface DemoAccount {
  username: string;
  role: string;
  displayName: string;
  scope: string;
}

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Inserts the institutions, the two demo enterprises and one account per role. `at` dates their creation (the
 * demo business history starts after it); by default the database's current time.
 */
export async function seedDemo(db: DbOrTx, cipher: DataCipher, at?: Date): Promise<DemoAccount[]> {
  const created = at ? { createdAt: at } : {};
  const inst = await db
    .insert(institutions)
    .values(DEMO_INSTITUTIONS.map((i) => ({ ...i, ...created })))
    .onConflictDoNothing()
    .returning();
  const byShort = new Map(inst.map((i) => [i.shortName, i.id]));

  const [mfg, svc] = await db
    .insert(enterprises)
    .values([
      {
        uscc: '91440703MA4UHN6X52',
        name: '江门市蓬江精密五金制造有限公司',
        registeredAddress: '江门市蓬江区杜阮镇龙榜村工业区 8 号',
        operatingAddress: '江门市蓬江区杜阮镇龙榜村工业区 8 号',
        districtCode: '440703',
        type: 'manufacturer',
        isSme: true,
        establishedOn: '2016-05-18',
        creditStatus: 'good',
        creditSource: '信用中国（广东江门）',
        creditAsOf: '2026-11-01',
        contactName: '陈立新',
        contactPhoneEnc: cipher.encrypt('13800138001'),
        legalRepName: '陈立新',
        legalRepIdEnc: cipher.encrypt('440703198001011234'),
        ...created,
        ...(at ? { updatedAt: at } : {}),
      },
      {
        uscc: '91440705MA55XW6T3B',
        name: '江门智造云科技有限公司',
        registeredAddress: '江门市新会区会城今古洲大道 61 号',
        operatingAddress: '江门市新会区会城今古洲大道 61 号',
        districtCode: '440705',
        type: 'service_provider',
        isSme: true,
        establishedOn: '2019-09-02',
        inResourcePool: true,
        resourcePoolSince: '2024-03-15',
        creditStatus: 'good',
        creditSource: '信用中国（广东江门）',
        creditAsOf: '2026-11-01',
        contactName: '黄嘉怡',
        contactPhoneEnc: cipher.encrypt('13900139002'),
        legalRepName: '黄嘉怡',
        legalRepIdEnc: cipher.encrypt('440705199002022346'),
        ...created,
        ...(at ? { updatedAt: at } : {}),
      },
    ])
    .returning();

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  /** An institution's officer: sees its institution's records (`scope` says which; by default the institution). */
  const officer = (username: string, displayName: string, role: string, institution: string, scope = institution) => ({
    username,
    displayName,
    role,
    institutionId: byShort.get(institution),
    scope,
  });
  const accounts = [
    {
      username: 'qiye',
      displayName: '陈立新（蓬江精密五金）',
      role: 'enterprise',
      enterpriseId: mfg!.id,
      isEnterpriseAdmin: true,
      scope: mfg!.name,
    },
    {
      username: 'fuwushang',
      displayName: '黄嘉怡（智造云科技）',
      role: 'enterprise',
      enterpriseId: svc!.id,
      isEnterpriseAdmin: true,
      scope: svc!.name,
    },
    {
      username: 'pengjiang',
      displayName: '蓬江区工信局审核员',
      role: 'district_reviewer',
      districtCode: '440703',
      scope: '蓬江区',
    },
    {
      username: 'xinhui',
      displayName: '新会区工信局审核员',
      role: 'district_reviewer',
      districtCode: '440705',
      scope: '新会区',
    },
    { username: 'shiji', displayName: '市工信局审核员', role: 'city_reviewer', scope: '江门市' },
    { username: 'admin', displayName: '市工信局业务管理员', role: 'city_admin', scope: '江门市' },
    { username: 'anquan', displayName: '安全管理员', role: 'security_admin', scope: '江门市' },
    { username: 'shenji', displayName: '审计管理员', role: 'audit_admin', scope: '江门市' },
    officer('gonghang', '工商银行江门分行信贷员', 'bank_officer', '工商银行江门分行'),
    officer('nongshang', '江门农商银行信贷员', 'bank_officer', '江门农商银行'),
    officer('shujiang', '数江公司项目经理', 'fund_operator', '数江公司', '数江公司（专项资金受托机构）'),
    { username: 'zhuanjia1', displayName: '李明（评审专家）', role: 'expert', scope: '本人评审任务' },
    { username: 'zhuanjia2', displayName: '王芳（评审专家）', role: 'expert', scope: '本人评审任务' },
    { username: 'zhuanjia3', displayName: '赵强（评审专家）', role: 'expert', scope: '本人评审任务' },
    { username: 'zhuanjia4', displayName: '周婷（评审专家）', role: 'expert', scope: '本人评审任务' },
    officer('shenjisuo', '诚信会计师事务所审计员', 'external_auditor', '诚信会计师事务所', '受托审计的专项资金'),
    officer('renbao', '人保财险江门分公司经办人', 'insurer_officer', '人保财险江门分公司'),
  ];
  await db.insert(users).values(
    accounts.map(({ scope: _scope, ...a }) => ({
      ...a,
      passwordHash,
      isDemo: true,
      ...created,
      ...(at ? { passwordChangedAt: at } : {}),
    })),
  );
  return accounts.map((a) => ({ username: a.username, role: a.role, displayName: a.displayName, scope: a.scope }));
}
