/**
 * What changed between a rejected (or lapsed, withdrawn) declaration and the amended re-declaration that
 * follows it (第七条（二）"不通过的项目完善后于后续申报周期可重新申报"): field by field, investment item by item,
 * contract by contract (matched by contract number) and material by material (matched by file content).
 */
import { fenToYuan } from '../money/money';
import {
  ASSESSMENT_LEVEL_NAMES,
  type AssessmentLevel,
  categoryName,
  investmentItemName,
  PROJECT_STATUS_NAMES,
  type ProjectStatus,
} from './forms';
import { materialItem } from './materials';
import type { DeclarationContent, ServiceContract } from './model';
import { FIELD_LABELS } from './submission';

export interface MaterialFile {
  readonly kind: string;
  readonly fileName: string;
  readonly sha256: string;
}

export interface DeclarationSnapshot extends DeclarationContent {
  readonly materials: readonly MaterialFile[];
  /** Names for codes the snapshot itself does not carry (bank names, district names). */
  readonly bankName?: string | null;
}

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface Change {
  readonly path: string;
  readonly label: string;
  readonly kind: ChangeKind;
  readonly before: string | null;
  readonly after: string | null;
}

const yuan = (f: bigint | null | undefined) => (f === null || f === undefined ? null : fenToYuan(f));

function scalar(out: Change[], path: string, before: string | null, after: string | null, label?: string): void {
  const b = before === '' ? null : before;
  const a = after === '' ? null : after;
  if (b === a) return;
  out.push({
    path,
    label: label ?? FIELD_LABELS[path] ?? path,
    kind: b === null ? 'added' : a === null ? 'removed' : 'changed',
    before: b,
    after: a,
  });
}

function contractLine(c: ServiceContract): Record<string, string | null> {
  return {
    providerUscc: c.providerUscc,
    providerName: c.providerName,
    amount: fenToYuan(c.amountFen),
    signedOn: c.signedOn,
    startDate: c.startDate,
    endDate: c.endDate,
    isLead: c.isLead ? '是' : '否',
  };
}

const CONTRACT_LABELS: Record<string, string> = {
  providerUscc: '服务商统一社会信用代码',
  providerName: '服务商名称',
  amount: '合同金额',
  signedOn: '签订日期',
  startDate: '合同开始日期',
  endDate: '合同结束日期',
  isLead: '是否牵头',
};

export function diffDeclarations(prev: DeclarationSnapshot, next: DeclarationSnapshot): Change[] {
  const out: Change[] = [];
  scalar(out, 'name', prev.name, next.name);
  scalar(out, 'content', prev.content, next.content);
  const cats = (d: DeclarationSnapshot) =>
    [...d.categories]
      .sort()
      .map((c) => categoryName(d.form, c))
      .join('、');
  scalar(out, 'categories', cats(prev), cats(next));
  scalar(out, 'siteDistrictCode', prev.siteDistrictCode, next.siteDistrictCode);
  scalar(out, 'siteAddress', prev.siteAddress, next.siteAddress);
  scalar(out, 'startDate', prev.startDate, next.startDate);
  scalar(out, 'endDate', prev.endDate, next.endDate);
  const status = (s: ProjectStatus | null) => (s ? PROJECT_STATUS_NAMES[s].zh : null);
  scalar(out, 'projectStatus', status(prev.projectStatus), status(next.projectStatus));

  const items = new Set([...prev.investments, ...next.investments].map((l) => l.item));
  for (const item of items) {
    const b = prev.investments.find((l) => l.item === item)?.amountFen;
    const a = next.investments.find((l) => l.item === item)?.amountFen;
    scalar(out, `investments.${item}`, yuan(b), yuan(a), `计划投资：${investmentItemName(next.form, item)}`);
  }
  scalar(out, 'investmentMade', yuan(prev.investmentMadeFen), yuan(next.investmentMadeFen));
  const level = (l: AssessmentLevel | null) => (l ? ASSESSMENT_LEVEL_NAMES[l].zh : null);
  scalar(out, 'assessmentLevel', level(prev.assessmentLevel), level(next.assessmentLevel));
  scalar(out, 'assessmentDate', prev.assessmentDate, next.assessmentDate);
  scalar(out, 'hasLoan', prev.hasLoan ? '是' : '否', next.hasLoan ? '是' : '否');
  scalar(
    out,
    'loan.bankId',
    prev.hasLoan ? (prev.bankName ?? prev.loan?.bankId ?? null) : null,
    next.hasLoan ? (next.bankName ?? next.loan?.bankId ?? null) : null,
  );
  scalar(
    out,
    'loan.contractNumber',
    prev.hasLoan ? (prev.loan?.contractNumber ?? null) : null,
    next.hasLoan ? (next.loan?.contractNumber ?? null) : null,
  );
  scalar(
    out,
    'loan.amount',
    prev.hasLoan ? yuan(prev.loan?.amountFen) : null,
    next.hasLoan ? yuan(next.loan?.amountFen) : null,
  );
  scalar(
    out,
    'loan.disbursedOn',
    prev.hasLoan ? (prev.loan?.disbursedOn ?? null) : null,
    next.hasLoan ? (next.loan?.disbursedOn ?? null) : null,
  );

  const key = (c: ServiceContract) => c.contractNumber.trim().toUpperCase();
  const before = new Map(prev.contracts.map((c) => [key(c), c]));
  const after = new Map(next.contracts.map((c) => [key(c), c]));
  for (const [k, c] of before) {
    if (!after.has(k))
      out.push({
        path: `contracts.${k}`,
        label: `服务合同 ${c.contractNumber}`,
        kind: 'removed',
        before: `${c.providerName} ${fenToYuan(c.amountFen)} 元`,
        after: null,
      });
  }
  for (const [k, c] of after) {
    const b = before.get(k);
    if (!b) {
      out.push({
        path: `contracts.${k}`,
        label: `服务合同 ${c.contractNumber}`,
        kind: 'added',
        before: null,
        after: `${c.providerName} ${fenToYuan(c.amountFen)} 元`,
      });
      continue;
    }
    const lb = contractLine(b);
    const la = contractLine(c);
    for (const f of Object.keys(la))
      scalar(
        out,
        `contracts.${k}.${f}`,
        lb[f] ?? null,
        la[f] ?? null,
        `服务合同 ${c.contractNumber}：${CONTRACT_LABELS[f]}`,
      );
    if ((b.attachmentId === null) !== (c.attachmentId === null))
      scalar(
        out,
        `contracts.${k}.file`,
        b.attachmentId ? '已上传' : null,
        c.attachmentId ? '已上传' : null,
        `服务合同 ${c.contractNumber}：签署文本`,
      );
  }

  const kinds = new Set([...prev.materials, ...next.materials].map((m) => m.kind));
  for (const kind of kinds) {
    const b = prev.materials.filter((m) => m.kind === kind);
    const a = next.materials.filter((m) => m.kind === kind);
    const bs = new Set(b.map((m) => m.sha256));
    const as = new Set(a.map((m) => m.sha256));
    const same = bs.size === as.size && [...bs].every((s) => as.has(s));
    if (same) continue;
    const label = `申报材料：${materialItem(next.form, kind)?.zh ?? materialItem(prev.form, kind)?.zh ?? kind}`;
    const names = (ms: readonly MaterialFile[]) => (ms.length ? ms.map((m) => m.fileName).join('、') : null);
    const nb = names(b);
    let na = names(a);
    if (na !== null && na === nb) na = `${na}（文件内容已更新）`;
    out.push({
      path: `materials.${kind}`,
      label,
      kind: nb === null ? 'added' : na === null ? 'removed' : 'changed',
      before: nb,
      after: na,
    });
  }
  return out;
}
