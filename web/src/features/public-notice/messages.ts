/** The public notices' own texts (the objection lookup), Chinese first; English must have every key. */
export const publicNoticeZh = {
  'notice.lookup.title': '查询异议办理结果',
  'notice.lookup.intro': '凭提出异议时取得的案件编号和当时填写的联系方式，查询异议的办理进度和结果。',
  'notice.lookup.caseNo': '案件编号',
  'notice.lookup.contact': '提出异议时填写的联系方式',
  'notice.lookup.submit': '查询',
  'notice.lookup.notice': '所涉公示',
  'notice.lookup.lodgedAt': '提出时间',
  'notice.lookup.status': '办理状态',
  'notice.lookup.outcome': '办理结果',
  'notice.lookup.note': '结果说明',
  'notice.lookup.closedAt': '办结时间',
  'notice.lookup.pending': '尚未办结',
};

export const publicNoticeEn: Record<keyof typeof publicNoticeZh, string> = {
  'notice.lookup.title': 'Look up an objection',
  'notice.lookup.intro': 'Enter the case number you received and the contact you gave to see the progress and outcome.',
  'notice.lookup.caseNo': 'Case number',
  'notice.lookup.contact': 'Contact given with the objection',
  'notice.lookup.submit': 'Look up',
  'notice.lookup.notice': 'Notice',
  'notice.lookup.lodgedAt': 'Lodged',
  'notice.lookup.status': 'Status',
  'notice.lookup.outcome': 'Outcome',
  'notice.lookup.note': 'Explanation',
  'notice.lookup.closedAt': 'Closed',
  'notice.lookup.pending': 'Not closed yet',
};
