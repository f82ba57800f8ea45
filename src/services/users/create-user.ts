/**
 * Creates an account. The security administrator creates staff (reviewers, administrators, bank/insurer
 * officers with their institution); an enterprise administrator creates colleagues in its own enterprise.
 * Without a password a temporary one is generated and returned once. Either way the password was chosen by
 * someone other than its holder, so the account must change it at first sign-in (`mustChangePassword`).
 */
import { eq, sql } from 'drizzle-orm';
import type { TCreatedUser, TCreateUser } from '../../contracts/users';
import { districts, institutions, users } from '../../db/schema';
import { type Actor, ROLE_NAMES, type Role } from '../../domain/access/actor';
import { can, INSTITUTION_KIND_ZH, institutionKindsFor, userScopeOf } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { hashPassword } from '../auth';
import { type Ctx, inTx } from '../context';
import { AppError, Errors, fieldError } from '../errors';
import { assertMayEver } from './load-managed-user';
import { assertStrongPassword } from './password-rules';
import { temporaryPassword } from './temporary-password';
import { auditView, toUserView } from './user-view';

export async function createUser(ctx: Ctx & { actor: Actor }, input: TCreateUser): Promise<TCreatedUser> {
  const actor = ctx.actor;
  assertMayEver(actor, 'user.create');

  // Which of the two creators this is (the policy has let only these through): the scope of accounts it manages.
  const byEnterpriseAdmin = userScopeOf(actor).kind === 'enterprise';
  const role: Role | undefined = byEnterpriseAdmin ? (input.role ?? 'enterprise') : input.role;
  if (!role) throw fieldError('role', '角色', '为必填项', 'is required');
  const enterpriseId = byEnterpriseAdmin ? actor.enterpriseId : null;
  if (!can(actor, 'user.create', { kind: 'user', id: null, role, enterpriseId })) {
    throw byEnterpriseAdmin
      ? Errors.forbidden(
          '企业管理员只能创建本企业的企业用户',
          'An enterprise administrator creates only enterprise users',
        )
      : Errors.forbidden(
          `安全管理员只能创建工作人员账号，不能创建“${ROLE_NAMES[role].zh}”（企业用户通过企业注册开通）`,
          `The security administrator creates staff accounts only, not "${ROLE_NAMES[role].en}"`,
        );
  }

  // Scope fields: exactly those the role needs.
  const districtCode = role === 'district_reviewer' ? (input.districtCode ?? null) : null;
  if (role === 'district_reviewer' && !districtCode) {
    throw fieldError(
      'districtCode',
      '所属县（市、区）',
      '为必填项（县（市、区）审核人员）',
      'is required for district reviewers',
    );
  }
  if (role !== 'district_reviewer' && input.districtCode) {
    throw fieldError(
      'districtCode',
      '所属县（市、区）',
      '仅县（市、区）审核人员需要填写',
      'applies to district reviewers only',
    );
  }
  const kinds = institutionKindsFor(role);
  const institutionId = kinds ? (input.institutionId ?? null) : null;
  if (kinds && !institutionId) {
    throw fieldError(
      'institutionId',
      '所属金融机构',
      '为必填项（银行、保险/担保机构人员）',
      'is required for bank/insurer officers',
    );
  }
  if (!kinds && input.institutionId) {
    throw fieldError(
      'institutionId',
      '所属金融机构',
      '仅银行、保险/担保机构人员需要填写',
      'applies to bank/insurer officers only',
    );
  }

  const db = ctx.deps.db;
  if (districtCode) {
    const [d] = await db.select().from(districts).where(eq(districts.code, districtCode)).limit(1);
    if (!d || districtCode === '440700') {
      throw fieldError(
        'districtCode',
        '所属县（市、区）',
        `不是江门市的县（市、区）代码：${districtCode}`,
        'is not a district of the city',
      );
    }
  }
  if (institutionId) {
    const [i] = await db.select().from(institutions).where(eq(institutions.id, institutionId)).limit(1);
    if (!i) throw fieldError('institutionId', '所属金融机构', '不存在', 'does not exist');
    if (!i.active) throw fieldError('institutionId', '所属金融机构', '已停用', 'is inactive');
    if (!kinds!.includes(i.kind)) {
      throw fieldError(
        'institutionId',
        '所属金融机构',
        `应为${INSTITUTION_KIND_ZH[kinds![0]!]}`,
        role === 'bank_officer' ? 'must be a bank' : 'must be an insurer or guarantor',
      );
    }
  }

  const username = input.username.trim();
  const generated = input.password === undefined;
  const password = input.password ?? temporaryPassword();
  if (!generated) assertStrongPassword(password, username, 'password', '初始密码');

  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  if (taken.length) throw usernameTaken(username);

  const passwordHash = await hashPassword(password);
  const created = await inTx(ctx, async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        username,
        passwordHash,
        displayName: input.displayName.trim(),
        role,
        districtCode,
        institutionId,
        enterpriseId,
        isEnterpriseAdmin: false,
        mustChangePassword: true,
        passwordChangedAt: ctx.now,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    // A concurrent request took the name between the check and the insert.
    if (!u) throw usernameTaken(username);
    await recordAudit(tx, ctx, {
      action: 'user.created',
      objectType: 'user',
      objectId: u.id,
      after: { ...auditView(u), passwordGenerated: generated },
    });
    return u;
  });
  return { user: toUserView(created), temporaryPassword: generated ? password : null };
}

function usernameTaken(username: string): AppError {
  return new AppError(
    'USERNAME_TAKEN',
    409,
    { zh: `用户名“${username}”已被使用`, en: `username "${username}" is already taken` },
    [{ path: 'username', label: '用户名', message: `用户名“${username}”已被使用` }],
  );
}
