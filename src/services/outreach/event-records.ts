/**
 * The events' shared kernel (融资对接会, 002 三（一）2): the event row and its lock, the actor's own party (its
 * institution or its enterprise), the names of parties, the kinds of institution in Chinese.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { enterprises, institutions, outreachEvents } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { EVENT, enterpriseOf, institutionOf } from './records';

export type ActorCtx = Ctx & { actor: Actor };

export type Slot = { start: string; end: string };

export type EventRow = typeof outreachEvents.$inferSelect;

export const KIND_ZH: Record<string, string> = { bank: '银行', guarantor: '担保机构', insurer: '保险机构' };

export async function findEvent(db: DbOrTx, id: string, forUpdate = false): Promise<EventRow> {
  const q = db.select().from(outreachEvents).where(eq(outreachEvents.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw Errors.notFound(EVENT);
  return row;
}

/** The actor's own party at events: its institution or its enterprise. */
export function partyOf(actor: Actor): { side: 'institution' | 'enterprise'; id: string } | null {
  const inst = institutionOf(actor);
  if (inst) return { side: 'institution', id: inst };
  const ent = enterpriseOf(actor);
  return ent ? { side: 'enterprise', id: ent } : null;
}

export async function names(db: DbOrTx) {
  const inst = await db
    .select({ id: institutions.id, name: institutions.name, kind: institutions.kind })
    .from(institutions);
  const ent = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises);
  return {
    inst: new Map(inst.map((i) => [i.id, i] as const)),
    ent: new Map(ent.map((e) => [e.id, e.name] as const)),
  };
}
