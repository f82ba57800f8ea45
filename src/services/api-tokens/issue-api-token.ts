/**
 * Issues an API token for a cooperating bank's or insurer's system (security administrator). The secret is
 * returned once; only its SHA-256 and a short prefix are stored. The token expires at 00:00 Beijing time of the
 * chosen date: tomorrow at the earliest, API_TOKEN_MAX_DAYS days ahead at the latest, API_TOKEN_DEFAULT_DAYS by default.
 */
import { eq } from 'drizzle-orm';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  type TIssueApiToken,
  type TIssuedApiToken,
} from '../../contracts/users';
import { apiTokens, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import { addDays } from '../../domain/calendar/dates';
import { shanghaiDate, shanghaiStartOf } from '../../domain/projects/time';
import { recordAudit } from '../audit';
import { newSecret, sha256Hex } from '../auth';
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

  const expiresAt = expiryOf(input.expiresAt, ctx.now);

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
        expiresAt,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_token.issued',
      objectType: 'api_token',
      objectId: t!.id,
      after: {
        institutionId: inst.id,
        institutionName: inst.name,
        name: t!.name,
        tokenPrefix,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return t!;
  });
  return { apiToken: toApiTokenView({ t: row, institutionName: inst.name }, ctx.now), token };
}

/** The instant the token stops working: 00:00 Beijing time of the chosen (or default) date, within the policy. */
function expiryOf(chosen: string | undefined, now: Date): Date {
  const today = shanghaiDate(now);
  const latest = addDays(today, API_TOKEN_MAX_DAYS);
  const date = chosen ?? addDays(today, API_TOKEN_DEFAULT_DAYS);
  if (date <= today) {
    throw fieldError('expiresAt', '有效期', `应晚于今天（${today}）`, `must be after today (${today})`);
  }
  if (date > latest) {
    throw fieldError(
      'expiresAt',
      '有效期',
      `最长 ${API_TOKEN_MAX_DAYS} 天，不能晚于 ${latest}`,
      `may be at most ${API_TOKEN_MAX_DAYS} days ahead (${latest} at the latest)`,
    );
  }
  return shanghaiStartOf(date);
}
