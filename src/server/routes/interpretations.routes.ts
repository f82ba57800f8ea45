/**
 * The register of interpretations: the public reads every named reading with the one in force; the city
 * administrator records a ruling of the bureau, another city account approves it.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZInterpretationList,
  ZRulingCreated,
  ZRulingInput,
  ZRulingPath,
  ZRulingsQuery,
} from '../../contracts/interpretations';
import {
  approveRuling,
  listInterpretationsForCity,
  listInterpretationsRegister,
  recordRuling,
} from '../../services/interpretations';
import { actorCtx, ctxOf } from '../http-context';
import { publicReadConfig } from '../plugins/public-cache';

const TAGS = ['interpretations'];

export async function interpretationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/policies/interpretations',
    {
      config: publicReadConfig,
      schema: {
        tags: TAGS,
        summary: '政策库：解释口径（各条款的读法、平台默认读法、市工业和信息化局的裁定及在某日适用的读法）',
        querystring: ZRulingsQuery,
        response: { 200: ZInterpretationList },
      },
    },
    async (request) => listInterpretationsRegister(ctxOf(request), request.query.asOf),
  );

  app.get(
    '/interpretations',
    {
      schema: {
        tags: TAGS,
        summary: '解释口径登记簿（含裁定草稿，市级审核人员与业务管理员）',
        querystring: ZRulingsQuery,
        response: { 200: ZInterpretationList },
      },
    },
    async (request) => listInterpretationsForCity(actorCtx(request), request.query.asOf),
  );

  app.post(
    '/interpretations/rulings',
    {
      schema: {
        tags: TAGS,
        summary: '登记解释口径裁定草稿（读法、通知文号、适用起始日期、理由）',
        body: ZRulingInput,
        response: { 201: ZRulingCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await recordRuling(actorCtx(request), request.body)),
  );

  app.post(
    '/interpretations/rulings/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '批准解释口径裁定（须由登记人以外的市级审核人员或业务管理员批准）',
        params: ZRulingPath,
        response: { 200: ZRulingCreated },
      },
    },
    async (request) => approveRuling(actorCtx(request), request.params.id),
  );
}
