/** Credit-standing history and changes: this feature's Chinese/English texts (Chinese first). */
export const CT = {
  historyTitle: { zh: '信用状况变更记录', en: 'Credit standing history' },
  historyIntro: {
    zh: '市级业务管理员依据信用信息来源记录的每一次信用状况变更（最新在前）。列入经营异常名录或严重违法失信名单的企业不能申报市级扶持项目。',
    en: 'Every change of credit standing the city administrator recorded, with its source (newest first).',
  },
  empty: { zh: '暂无信用状况变更记录', en: 'No changes recorded (good since registration)' },
  standing: { zh: '信用状况', en: 'Standing' },
  change: { zh: '变更', en: 'Change' },
  source: { zh: '信息来源', en: 'Source' },
  asOf: { zh: '信息日期', en: 'Information date' },
  note: { zh: '备注', en: 'Note' },
  recordedBy: { zh: '记录人', en: 'Recorded by' },
  recordedAt: { zh: '记录时间', en: 'Recorded at' },
  setStanding: { zh: '变更信用状况', en: 'Change credit standing' },
  setTitle: { zh: '变更企业信用状况', en: 'Change credit standing' },
  setHint: {
    zh: '请依据“信用中国”、国家企业信用信息公示系统等来源记录；变更记入信用变更记录和审计日志。',
    en: 'Record it from an official source; the change goes into the history and the audit trail.',
  },
  sourcePlaceholder: { zh: '如 信用中国、国家企业信用信息公示系统', en: 'e.g. Credit China' },
  saved: { zh: '信用状况已变更为“{status}”', en: 'Credit standing changed to "{status}"' },
  view: { zh: '表格', en: 'Table' },
  timeline: { zh: '时间线', en: 'Timeline' },
} as const;

export function fill(s: string, vars: Record<string, string | number>): string {
  return Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
}
