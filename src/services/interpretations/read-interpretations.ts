/**
 * The register as readers see it: every interpretation with its options, the default, the reading in force on a
 * date and its rulings. The public sees approved rulings; city reviewers and administrators also see drafts.
 */
import { eq } from 'drizzle-orm';
import type { TInterpretationList } from '../../contracts/interpretations';
import type { DbOrTx } from '../../db/client';
import { interpretationRulings } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { citationLabel } from '../../domain/policies/core/citation';
import { listInterpretations, readingOn } from '../../domain/policies/interpretations';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { type RulingRow, rulingJson, selectRulingRows, toRuling } from './records';

function register(rows: readonly RulingRow[], day: string): TInterpretationList {
  const approved = rows.filter((r) => r.status === 'approved').map(toRuling);
  return {
    asOf: day,
    interpretations: listInterpretations().map((i) => {
      const r = readingOn(approved, i.id, day);
      return {
        id: i.id,
        policyId: i.policyId,
        title: i.title,
        citation: citationLabel(i.citation),
        quote: i.citation.quote ?? null,
        question: i.question,
        options: i.options.map((o) => ({ id: o.id, label: o.label })),
        defaultOption: i.defaultOption,
        defaultReason: i.defaultReason,
        engineSwitches: i.engineSwitches,
        inForce: { option: r.option, optionLabel: r.optionLabel, rulingId: r.ruling?.id ?? null },
        rulings: rows.filter((x) => x.interpretationId === i.id).map(rulingJson),
      };
    }),
  };
}

async function load(db: DbOrTx, withDrafts: boolean, day: string) {
  const rows = await selectRulingRows(db, withDrafts ? undefined : eq(interpretationRulings.status, 'approved'));
  return register(rows, day);
}

/** Public: the register with the approved rulings and the reading in force on `asOf` (default today in Beijing). */
export async function listInterpretationsRegister(ctx: Ctx, asOf?: string): Promise<TInterpretationList> {
  return load(ctx.deps.readDb, false, asOf ?? chinaDateOf(ctx.now));
}

/** City reviewers and administrators: the register including draft rulings. */
export async function listInterpretationsForCity(ctx: Ctx, asOf?: string): Promise<TInterpretationList> {
  if (!ctx.actor) throw Errors.unauthenticated();
  if (!mayDo(ctx.actor, 'policy.ruling.read_drafts'))
    throw Errors.forbidden('只有市级审核人员或业务管理员可以查看解释口径裁定草稿');
  return load(ctx.deps.db, true, asOf ?? chinaDateOf(ctx.now));
}
