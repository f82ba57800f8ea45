/** The white lists' shared kernel (002 三（一）1): the categories of hand-added entries and the draft's lock. */
import type { Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findWhitelist } from './records';

export type ActorCtx = Ctx & { actor: NonNullable<Ctx['actor']> };

export const CATEGORY_ZH: Record<string, string> = {
  pilot: '数字化转型城市试点拟改造企业',
  tech_upgrade: '企业技术改造资金项目库',
  other: '其他',
};

export async function draftForUpdate(tx: Parameters<Parameters<typeof inTx>[1]>[0], ctx: ActorCtx, id: string) {
  const row = await findWhitelist(tx, ctx.actor, id, true);
  if (row.status !== 'draft')
    throw Errors.conflict(
      'WHITELIST_PUBLISHED',
      '名单已推送，不能再修改',
      'The list is published and can no longer change',
    );
  return row;
}
