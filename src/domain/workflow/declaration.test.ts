import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  DECLARATION_EVENTS,
  DECLARATION_STATES,
  type DeclarationActorKind,
  type DeclarationEvent,
  type DeclarationState,
  isEditable,
  refusalMessage,
  TRANSITIONS,
  transition,
} from './declaration';

describe('declaration state machine', () => {
  it.each<[DeclarationState, DeclarationEvent, DeclarationActorKind, string | null, DeclarationState]>([
    ['draft', 'submit', 'enterprise', null, 'submitted'],
    ['returned', 'resubmit', 'enterprise', null, 'submitted'],
    ['draft', 'withdraw', 'enterprise', null, 'withdrawn'],
    ['submitted', 'withdraw', 'enterprise', null, 'withdrawn'],
    ['returned', 'withdraw', 'enterprise', null, 'withdrawn'],
    ['submitted', 'district_verify', 'district_reviewer', null, 'district_verified'],
    ['submitted', 'district_return', 'district_reviewer', '缺少建设方案', 'returned'],
    ['district_verified', 'city_approve', 'city_reviewer', null, 'approved'],
    ['district_verified', 'city_reject', 'city_reviewer', '不属于数字化转型范围', 'rejected'],
    ['returned', 'lapse', 'system', null, 'lapsed'],
  ])('%s --%s by %s--> %s', (from, event, actor, reason, to) => {
    expect(transition(from, event, actor, reason)).toEqual({ ok: true, from, to, event });
  });

  it('refuses every transition not in the table', () => {
    // The allowed moves written out here, not read from the implementation's own table.
    const allowed: Record<string, { actor: DeclarationActorKind; from: string[] }> = {
      submit: { actor: 'enterprise', from: ['draft'] },
      resubmit: { actor: 'enterprise', from: ['returned'] },
      withdraw: { actor: 'enterprise', from: ['draft', 'submitted', 'returned'] },
      district_verify: { actor: 'district_reviewer', from: ['submitted'] },
      district_return: { actor: 'district_reviewer', from: ['submitted'] },
      city_approve: { actor: 'city_reviewer', from: ['district_verified'] },
      city_reject: { actor: 'city_reviewer', from: ['district_verified'] },
      lapse: { actor: 'system', from: ['returned'] },
    };
    expect(Object.keys(allowed).sort()).toEqual([...DECLARATION_EVENTS].sort());
    for (const from of DECLARATION_STATES)
      for (const event of DECLARATION_EVENTS) {
        const rule = allowed[event]!;
        const r = transition(from, event, rule.actor, '充分的理由');
        expect(r.ok, `${from} --${event}`).toBe(rule.from.includes(from));
        if (!r.ok) expect(r.refusal.code).toBe('INVALID_TRANSITION');
      }
  });

  it('final states accept no event from anyone', () => {
    for (const s of ['approved', 'rejected', 'withdrawn', 'lapsed'] as const)
      for (const a of ['enterprise', 'district_reviewer', 'city_reviewer', 'system'] as const)
        expect(availableEvents(s, a)).toEqual([]);
  });

  it.each<[DeclarationEvent, DeclarationActorKind]>([
    ['submit', 'district_reviewer'],
    ['district_verify', 'enterprise'],
    ['district_verify', 'city_reviewer'],
    ['city_approve', 'district_reviewer'],
    ['city_reject', 'enterprise'],
  ])('%s by %s is the wrong actor', (event, actor) => {
    const from = TRANSITIONS[event].from[0]!;
    const r = transition(from, event, actor, '理由充分');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.code).toBe('WRONG_ACTOR');
  });

  it.each([null, '', '  ', '退'])('a refusal needs a reason (%j is not one)', (reason) => {
    for (const event of ['district_return', 'city_reject'] as const) {
      const rule = TRANSITIONS[event];
      const r = transition(rule.from[0]!, event, rule.actor, reason);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal.code).toBe('REASON_REQUIRED');
        expect(refusalMessage(r.refusal).zh).toContain('理由');
      }
    }
  });

  it('passing needs no reason; only draft and returned are editable', () => {
    expect(transition('submitted', 'district_verify', 'district_reviewer').ok).toBe(true);
    expect(DECLARATION_STATES.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('names the state and the event in Chinese when refusing', () => {
    const r = transition('approved', 'submit', 'enterprise');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(refusalMessage(r.refusal).zh).toBe('申报当前状态为“已入库”，不能执行“提交申报”');
  });

  it('offers reviewers their buttons', () => {
    expect(availableEvents('submitted', 'district_reviewer')).toEqual(['district_verify', 'district_return']);
    expect(availableEvents('district_verified', 'city_reviewer')).toEqual(['city_approve', 'city_reject']);
    expect(availableEvents('returned', 'enterprise')).toEqual(['resubmit', 'withdraw']);
  });
});
