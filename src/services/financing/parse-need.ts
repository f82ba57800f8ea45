/**
 * Reading a need typed as one sentence. The offline reader (`domain/financing/parse.ts`, no external service) is
 * the default. A deployment with an OpenAI-compatible large-language-model service may configure it
 * (HUIQI_LLM_BASE_URL, HUIQI_LLM_MODEL, HUIQI_LLM_API_KEY, HUIQI_LLM_TIMEOUT_MS; see `Config.needReader`): the
 * sentence is then sent to its chat-completions endpoint, and its answer is used only when it is valid JSON that
 * passes the contract's schema and the reading's own checks (ranges in order, money to the fen). On any failure —
 * unreachable, an HTTP error, a timeout, an invalid answer — the offline reader answers instead.
 */
import { z } from 'zod';
import type { Config } from '../../config';
import { type TNeedReading, ZNeedReading } from '../../contracts/financing';
import { parseNeedText } from '../../domain/financing/parse';
import { GUARANTEE_MODES, PURPOSES } from '../../domain/financing/products';
import { fenToYuan, yuanToFen } from '../../domain/money/index';

/** The offline reader, as the contract gives it. */
export function parseNeed(text: string): TNeedReading {
  const r = parseNeedText(text);
  return { reader: 'offline', ...r, readings: { ...r.readings }, ignored: [...r.ignored] };
}

const YUAN_RE = /^\d{1,13}(\.\d{1,2})?$/;
const ZModelYuan = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v, ctx) => {
    if (v === null) return null;
    const s = String(v).trim();
    if (!YUAN_RE.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'not a yuan amount' });
      return z.NEVER;
    }
    return fenToYuan(yuanToFen(s));
  });
const ZModelMonths = z.number().int().min(1).max(360).nullable();

/** What the model is asked to answer (one JSON object, nothing else). */
const ZModelAnswer = z.object({
  amountMin: ZModelYuan,
  amountMax: ZModelYuan,
  termMonthsMin: ZModelMonths,
  termMonthsMax: ZModelMonths,
  purpose: z.enum(PURPOSES).nullable(),
  guarantee: z.enum(GUARANTEE_MODES).nullable(),
  wantedBy: z.iso.date().nullable().optional(),
  confidence: z.number().min(0).max(1),
  evidence: z
    .object({
      amount: z.string().max(200).optional(),
      term: z.string().max(200).optional(),
      purpose: z.string().max(200).optional(),
      guarantee: z.string().max(200).optional(),
    })
    .optional(),
});

const PROMPT = `你是融资需求读取器。读取企业用一句话描述的融资需求，只输出一个 JSON 对象，不要其他文字：
{"amountMin":"5000000.00"|null,"amountMax":"5000000.00"|null,"termMonthsMin":36|null,"termMonthsMax":36|null,
"purpose":"equipment"|"working_capital"|"digital"|"rd"|"other"|null,
"guarantee":"credit"|"mortgage"|"pledge"|"guarantee"|"insurance"|null,"wantedBy":"YYYY-MM-DD"|null,
"confidence":0到1之间的数,"evidence":{"amount":"原文","term":"原文","purpose":"原文","guarantee":"原文"}}
金额以元为单位、保留两位小数；期限以月为单位；单个数字同时作为上下限；营业收入、人数、成立年限、日期等不是融资金额或期限。`;

/** Strips a ```json fence a model may wrap its answer in. */
function jsonOf(content: string): unknown {
  const t = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  return JSON.parse(t);
}

const NOTE = '由大模型服务读取，请核对';

function readingOf(a: z.infer<typeof ZModelAnswer>): TNeedReading {
  const ev = a.evidence ?? {};
  const c = a.confidence;
  const field = <T>(value: T, evidence: string | undefined) => ({
    value,
    evidence: evidence ?? '',
    confidence: c,
    noteZh: NOTE,
  });
  const hasAmount = a.amountMin !== null || a.amountMax !== null;
  const hasTerm = a.termMonthsMin !== null || a.termMonthsMax !== null;
  return ZNeedReading.parse({
    reader: 'model',
    amountMin: a.amountMin,
    amountMax: a.amountMax,
    termMonthsMin: a.termMonthsMin,
    termMonthsMax: a.termMonthsMax,
    purpose: a.purpose,
    guarantee: a.guarantee,
    wantedBy: a.wantedBy ?? null,
    confidence: c,
    readings: {
      amount: hasAmount ? field({ min: a.amountMin, max: a.amountMax }, ev.amount) : null,
      term: hasTerm ? field({ min: a.termMonthsMin, max: a.termMonthsMax }, ev.term) : null,
      purpose: a.purpose ? field(a.purpose, ev.purpose) : null,
      guarantee: a.guarantee ? field(a.guarantee, ev.guarantee) : null,
      wantedBy: a.wantedBy ? field(a.wantedBy, undefined) : null,
    },
    ignored: [],
  });
}

/** The model's reading, or null when the service fails, times out or answers something invalid. */
async function readWithModel(cfg: NonNullable<Config['needReader']>, text: string): Promise<TNeedReading | null> {
  try {
    const res = await fetch(`${cfg.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: cfg.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: PROMPT },
          { role: 'user', content: text },
        ],
      }),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return null;
    const a = ZModelAnswer.safeParse(jsonOf(content));
    if (!a.success) return null;
    const v = a.data;
    if (v.amountMin === null && v.amountMax === null) return null;
    if (v.amountMin !== null && v.amountMax !== null && yuanToFen(v.amountMin) > yuanToFen(v.amountMax)) return null;
    if (v.termMonthsMin !== null && v.termMonthsMax !== null && v.termMonthsMin > v.termMonthsMax) return null;
    return readingOf(v);
  } catch {
    return null;
  }
}

/** Reads a need: with the configured language-model service when there is one, the offline reader otherwise. */
export async function readNeedSentence(config: Pick<Config, 'needReader'>, text: string): Promise<TNeedReading> {
  if (config.needReader && text.trim().length > 0) {
    const r = await readWithModel(config.needReader, text);
    if (r) return r;
  }
  return parseNeed(text);
}
