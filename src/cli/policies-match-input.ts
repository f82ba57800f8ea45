/** How `huiqi policies match` reads its input: shown by `huiqi help`, the command's usage and the README. */
export const POLICIES_MATCH_INPUT =
  '标准输入（或 --input 文件）为 JSON：asOf 查询日期（必填，YYYY-MM-DD）；enterprise 企业情况；events 获认定、获奖及项目情况（代码: true/false）；figures 金额数据（代码: "元"）；counts 数量数据（代码: 整数）；zyb “政银保”项目情况；includeIneligible 是否列出不符合条件的政策。除 asOf 外均可缺省，缺省的事实列为“尚需证明”；各字段见 /api/openapi.json 的 PolicyMatchInput。例：{"asOf":"2025-03-01","enterprise":{"registeredInJiangmen":true}}';
