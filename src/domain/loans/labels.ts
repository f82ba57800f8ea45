/**
 * The names people read for a loan's status and for the channel it was recorded through, in Chinese and English,
 * written once: the API descriptions, the exports and the web app take them from here. (The purposes' names live
 * with their term caps in `params`.)
 */
export const LOAN_STATUS_LABELS = {
  repaying: { zh: '还款中', en: 'Repaying' },
  settled: { zh: '已结清', en: 'Settled' },
  cancelled: { zh: '已作废', en: 'Cancelled' },
} as const satisfies Record<string, { zh: string; en: string }>;

export const LOAN_SOURCE_LABELS = {
  session: { zh: '网页登记', en: 'Web' },
  api_token: { zh: '银行系统接口', en: 'Bank system' },
  import: { zh: '批量导入', en: 'Import' },
} as const satisfies Record<string, { zh: string; en: string }>;
