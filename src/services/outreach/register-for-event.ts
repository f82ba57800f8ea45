/** A party registers with the parties it wishes to meet (the city may register any party); closed once scheduled. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { TRegistrationInput } from '../../contracts/outreach';
import { enterprises, institutions, outreachRegistrations } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { type ActorCtx, findEvent, partyOf } from './event-records';
import { unlessTaken } from './unless-taken';

export async function registerForEvent(ctx: ActorCtx, id: string, input: TRegistrationInput): Promise<{ id: string }> {
  const city = mayDo(ctx.actor, 'outreach.event.manage');
  let party: { side: 'institution' | 'enterprise'; id: string } | null;
  if (city) {
    if ((input.institutionId === null) === (input.enterpriseId === null))
      throw fieldError(
        'institutionId',
        '机构',
        '代为报名时应指定一家机构或一家企业',
        'name one institution or one enterprise',
      );
    party = input.institutionId
      ? { side: 'institution', id: input.institutionId }
      : { side: 'enterprise', id: input.enterpriseId! };
  } else {
    if (!mayDo(ctx.actor, 'outreach.event.register')) throw Errors.forbidden();
    party = partyOf(ctx.actor);
    if (!party) throw Errors.forbidden('账号未关联机构或企业', 'The account has no institution or enterprise');
    if (input.institutionId !== null || input.enterpriseId !== null)
      throw fieldError('institutionId', '机构', '只能为本机构或本企业报名', 'you register your own party');
  }
  const me = party;
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id, true);
    if (e.status !== 'open')
      throw Errors.conflict('EVENT_NOT_OPEN', '对接会已排定洽谈日程，报名已截止', 'Registration has closed');
    if (me.side === 'institution') {
      const [i] = await tx.select().from(institutions).where(eq(institutions.id, me.id));
      if (!i || !['bank', 'guarantor', 'insurer'].includes(i.kind))
        throw fieldError('institutionId', '机构', '应为银行、担保或保险机构', 'must be a bank, guarantor or insurer');
    } else {
      const [x] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, me.id));
      if (!x) throw fieldError('enterpriseId', '企业', '不存在', 'does not exist');
    }
    const wishes = [...new Set(input.wishes)];
    if (wishes.length > 0) {
      const other =
        me.side === 'institution'
          ? await tx.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, wishes))
          : await tx.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, wishes));
      if (other.length !== wishes.length)
        throw fieldError(
          'wishes',
          '希望对接的对象',
          me.side === 'institution' ? '应为企业' : '应为银行、担保或保险机构',
          'must be parties of the other side',
        );
    }
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${outreachRegistrations.seq}), 0)::int + 1` })
      .from(outreachRegistrations)
      .where(eq(outreachRegistrations.eventId, id));
    const [row] = await unlessTaken(
      () =>
        tx
          .insert(outreachRegistrations)
          .values({
            eventId: id,
            side: me.side,
            institutionId: me.side === 'institution' ? me.id : null,
            enterpriseId: me.side === 'enterprise' ? me.id : null,
            wishes,
            contactName: input.contactName,
            seq: next,
            registeredBy: ctx.actor.id,
            registeredAt: ctx.now,
          })
          .returning({ id: outreachRegistrations.id }),
      () => Errors.conflict('ALREADY_REGISTERED', '已报名本次对接会', 'Already registered'),
    );
    await recordAudit(tx, ctx, {
      action: 'outreach_event.registered',
      objectType: 'outreach_event',
      objectId: id,
      after: { side: me.side, partyId: me.id, wishes },
    });
    return { id: row!.id };
  });
}
