/**
 * The register of interpretations: the public reads every named reading with the one in force; the city
 * administrator records a ruling of the bureau, another city account approves it.
 */
import type { FastifyInstance } from 'fastify';
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
import { publicReadConfig } from '../plugins/public-cache';
import { routeKit } from '../route-kit/route';

export async function interpretationsRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['interpretations']);

  route.get(
    '/policies/interpretations',
    {
      guard: 'public',
      summary: '政策库：解释口径（各条款的读法、平台默认读法、市工业和信息化局的裁定及在某日适用的读法）',
      config: publicReadConfig,
      query: ZRulingsQuery,
      ok: ZInterpretationList,
    },
    (ctx, request) => listInterpretationsRegister(ctx, request.query.asOf),
  );

  route.get(
    '/interpretations',
    {
      guard: 'signed-in',
      summary: '解释口径登记簿（含裁定草稿，市级审核人员与业务管理员）',
      query: ZRulingsQuery,
      ok: ZInterpretationList,
    },
    (ctx, request) => listInterpretationsForCity(ctx, request.query.asOf),
  );

  route.post(
    '/interpretations/rulings',
    {
      guard: 'signed-in',
      summary: '登记解释口径裁定草稿（读法、通知文号、适用起始日期、理由）',
      body: ZRulingInput,
      created: ZRulingCreated,
    },
    (ctx, request) => recordRuling(ctx, request.body),
  );

  route.post(
    '/interpretations/rulings/:id/approve',
    {
      guard: 'signed-in',
      summary: '批准解释口径裁定（须由登记人以外的市级审核人员或业务管理员批准）',
      params: ZRulingPath,
      ok: ZRulingCreated,
    },
    (ctx, request) => approveRuling(ctx, request.params.id),
  );
}
