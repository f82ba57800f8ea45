/**
 * The language-model adapter of the need reader, against a fake OpenAI-compatible service started here (no
 * internet): off by default; used when configured and its answer is valid; the offline reader answers when the
 * service fails, times out or answers something invalid.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { readNeedSentence } from '../src/services/financing';
import { anonymous } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

const SENTENCE = '计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押';

type Reply = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let reply: Reply;
const seen: { auth: string | undefined; body: Record<string, unknown> }[] = [];
let server: Server;
let baseUrl: string;

const chat =
  (content: string): Reply =>
  (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
  };
const good = {
  amountMin: '3000000',
  amountMax: 3000000,
  termMonthsMin: 24,
  termMonthsMax: 24,
  purpose: 'digital',
  guarantee: 'credit',
  wantedBy: null,
  confidence: 0.9,
  evidence: { amount: '三百万', term: '两年' },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(body || '{}') });
      reply(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const cfg = (over: Partial<NonNullable<ReturnType<typeof loadConfig>['needReader']>> = {}) => ({
  needReader: { baseUrl, model: 'gov-llm', apiKey: 'sk-test', timeoutMs: 2000, ...over },
});

describe('the language-model need reader', () => {
  it('is off unless the base URL and model are configured', async () => {
    expect(loadConfig({}).needReader).toBeNull();
    expect(loadConfig({ HUIQI_LLM_BASE_URL: 'http://x/v1/' }).needReader).toBeNull();
    expect(loadConfig({ HUIQI_LLM_BASE_URL: 'http://x/v1/', HUIQI_LLM_MODEL: 'm' }).needReader).toMatchObject({
      baseUrl: 'http://x/v1',
      model: 'm',
      apiKey: undefined,
    });
    const before = seen.length;
    const r = await readNeedSentence({ needReader: null }, SENTENCE);
    expect(r).toMatchObject({ reader: 'offline', amountMin: '5000000.00', termMonthsMax: 36, guarantee: 'mortgage' });
    expect(seen.length).toBe(before);
  });

  it("uses the model's valid answer, sent to its chat-completions endpoint with the key", async () => {
    reply = chat(JSON.stringify(good));
    const r = await readNeedSentence(cfg(), '想借三百万做数字化改造，两年，信用贷');
    expect(r).toMatchObject({
      reader: 'model',
      amountMin: '3000000.00',
      amountMax: '3000000.00',
      termMonthsMin: 24,
      purpose: 'digital',
      guarantee: 'credit',
      confidence: 0.9,
    });
    expect(r.readings.amount?.evidence).toBe('三百万');
    const last = seen.at(-1)!;
    expect(last.auth).toBe('Bearer sk-test');
    expect(last.body.model).toBe('gov-llm');
    // A fenced answer is read too.
    reply = chat(`\`\`\`json\n${JSON.stringify(good)}\n\`\`\``);
    expect((await readNeedSentence(cfg(), '三百万两年')).reader).toBe('model');
  });

  it.each([
    [
      'an HTTP error',
      ((_q, _b, res) => {
        res.writeHead(500);
        res.end('boom');
      }) as Reply,
    ],
    ['a reply that is not JSON', chat('好的，金额是五百万')],
    ['a purpose outside the contract', chat(JSON.stringify({ ...good, purpose: 'house' }))],
    ['an amount that is not money', chat(JSON.stringify({ ...good, amountMin: '五百万' }))],
    ['a range out of order', chat(JSON.stringify({ ...good, termMonthsMin: 36, termMonthsMax: 12 }))],
    ['no amount at all', chat(JSON.stringify({ ...good, amountMin: null, amountMax: null }))],
    [
      'a body without choices',
      ((_q, _b, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"error":"overloaded"}');
      }) as Reply,
    ],
  ])('falls back to the offline reader on %s', async (_name, r) => {
    reply = r;
    const out = await readNeedSentence(cfg(), SENTENCE);
    expect(out).toMatchObject({ reader: 'offline', amountMin: '5000000.00', termMonthsMin: 36 });
  });

  it('falls back when the service does not answer in time or cannot be reached', async () => {
    reply = (_q, _b, res) => {
      setTimeout(() => chat(JSON.stringify(good))(_q, _b, res), 3000).unref();
    };
    expect((await readNeedSentence(cfg({ timeoutMs: 100 }), SENTENCE)).reader).toBe('offline');
    expect((await readNeedSentence(cfg({ baseUrl: 'http://127.0.0.1:1/v1' }), SENTENCE)).reader).toBe('offline');
  });
});

describe('POST /api/v1/financing/needs/parse with the model configured', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ now: '2026-09-30T02:00:00Z' });
  });
  afterAll(async () => p.close());

  it('answers with the model when configured and valid, offline otherwise', async () => {
    const pub = anonymous(p.app);
    expect((await pub.post('/api/v1/financing/needs/parse', { text: SENTENCE })).json().reader).toBe('offline');
    p.deps.config.needReader = cfg().needReader;
    reply = chat(JSON.stringify(good));
    expect((await pub.post('/api/v1/financing/needs/parse', { text: '三百万两年' })).json()).toMatchObject({
      reader: 'model',
      amountMax: '3000000.00',
    });
    reply = chat('{}');
    expect((await pub.post('/api/v1/financing/needs/parse', { text: SENTENCE })).json()).toMatchObject({
      reader: 'offline',
      amountMax: '5000000.00',
    });
    expect((await pub.post('/api/v1/financing/needs/parse', { text: 5 })).statusCode).toBe(400);
  });
});
