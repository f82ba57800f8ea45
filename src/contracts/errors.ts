/**
 * The error envelope: every 4xx/5xx answer of the API has this shape (written by the server's error mapper), so a
 * client reads `error.code` to decide and shows `error.message`, or `error.fields` next to the inputs.
 */
import { z } from 'zod';

export const ZFieldError = z
  .object({
    path: z.string().describe('字段路径（点分隔，如 loans.0.amount；整个请求为空字符串）'),
    label: z.string().optional().describe('字段的中文名称'),
    message: z.string().describe('该字段的错误说明（含字段名）'),
  })
  .describe('一个字段的错误');
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZError = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe(
          '稳定的错误代码，如 VALIDATION_FAILED（输入有误，fields 逐项列出）、UNAUTHENTICATED、FORBIDDEN、CSRF_REJECTED、NOT_FOUND、DUPLICATE、RETRY、RATE_LIMITED、INTERNAL_ERROR',
        ),
      message: z.string().describe('错误说明（中文；请求头 Accept-Language: en 时为英文）'),
      fields: z.array(ZFieldError).optional().describe('输入有误的字段'),
      details: z.record(z.string(), z.unknown()).optional().describe('与错误代码相关的详细信息'),
      requestId: z.string().describe('请求编号（与服务器日志对应）'),
    }),
  })
  .describe('错误信息');
export type TError = z.infer<typeof ZError>;
