/**
 * Issues an API token for a cooperating bank's or insurer's system (security administrator). The secret is
 * returned once; only its SHA-256 and a short prefix are stored.
 */
import { eq } from 'drizzle-orm';
import type { TIssueApiToken, TIssuedApiToken } from '../../contracts/users';
import { apiTokens, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import { recordAudit } from '../audit/record-audit';
import { newSecret, sha256Hex } from '../auth/tokens';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { toApiTokenView } from './api-token-view';

/** Tokens look like `hq_<43 base64url characters>`; the first 10 characters identify them in lists. */
export const API_TOKEN_PREFIX = 'hq_';
const SHOWN_PREFIX_LENGTH = 10;

export async function issueApiToken(ctx: Ctx & { actor: Actor }, input: TIssueApiToken): Promise<TIssuedApiToken> {
  if (!can(ctx.actor, 'api_token.issue')) throw Errors.forbidden();
  const [inst] = await ctx.deps.db.select().from(institutions).where(eq(institutions.id, input.institutionId)).limit(1);
  if (!inst) throw fieldError('institutionId', '所属金融机构', '不存在', 'does not exist');
  if (!inst.active) throw fieldError('institutionId', '所属金融机构', '已停用，不能签发令牌', 'is inactive');

  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const tokenPrefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  const row = await inTx(ctx, async (tx) => {
    const [t] = await tx
      .insert(apiTokens)
      .values({
        institutionId: inst.id,
        name: input.name.trim(),
        tokenHash: sha256Hex(token),
        tokenPrefix,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_token.issued',
      objectType: 'api_token',
      objectId: t!.id,
      after: { institutionId: inst.id, institutionName: inst.name, name: t!.name, tokenPrefix },
    });
    return t!;
  });
  return { apiToken: toApiTokenView({ t: row, institutionName: inst.name }), token };
}
