/**
 * Policy versions from renewal notices: the public library lists the approved ones with their status on a date
 * and what each changed; the city administrator drafts and corrects, another city account approves.
 */
import type { FastifyInstance } from 'fastify';
import {
  ZApproved,
  ZCreated,
  ZPolicyVersionDetail,
  ZPolicyVersionInput,
  ZPolicyVersionList,
  ZPolicyVersionPath,
  ZPolicyVersionsQuery,
} from '../../contracts/policy-versions';
import {
  approvePolicyVersion,
  draftPolicyVersion,
  listPolicyVersions,
  listPolicyVersionsForCity,
  readPolicyVersion,
  updatePolicyVersion,
} from '../../services/policy-versions';
import { publicReadConfig } from '../plugins/public-cache';
import { routeKit } from '../route-kit/route';

export async function policyVersionsRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['policy-versions']);

  route.get(
    '/policies/zyb.interest/versions',
    {
      guard: 'public',
      summary: '政策库：“政银保”贴息政策的各版本（在某日的状态，以及与上一版本相比的变化）',
      config: publicReadConfig,
      query: ZPolicyVersionsQuery,
      ok: ZPolicyVersionList,
    },
    (ctx, request) => listPolicyVersions(ctx, request.query.asOf),
  );

  route.get(
    '/policies/zyb.interest/versions/:id',
    {
      guard: 'public',
      summary: '政策库：一个政策版本（含通知原文与所调整的参数）',
      config: publicReadConfig,
      params: ZPolicyVersionPath,
      query: ZPolicyVersionsQuery,
      ok: ZPolicyVersionDetail,
    },
    (ctx, request) => readPolicyVersion(ctx, request.params.id, request.query.asOf),
  );

  route.get(
    '/policy-versions',
    {
      guard: 'signed-in',
      summary: '政策版本（含草稿，市级审核人员与业务管理员）',
      query: ZPolicyVersionsQuery,
      ok: ZPolicyVersionList,
    },
    (ctx, request) => listPolicyVersionsForCity(ctx, request.query.asOf),
  );

  route.post(
    '/policy-versions',
    {
      guard: 'signed-in',
      summary: '登记政策版本草稿（续期通知：文号、有效期、原文、调整的参数及其条款）',
      body: ZPolicyVersionInput,
      created: ZCreated,
    },
    (ctx, request) => draftPolicyVersion(ctx, request.body),
  );

  route.put(
    '/policy-versions/:id',
    {
      guard: 'signed-in',
      summary: '修改政策版本草稿（已批准的版本不能修改）',
      params: ZPolicyVersionPath,
      body: ZPolicyVersionInput,
      ok: ZCreated,
    },
    (ctx, request) => updatePolicyVersion(ctx, request.params.id, request.body),
  );

  route.post(
    '/policy-versions/:id/approve',
    {
      guard: 'signed-in',
      summary: '批准政策版本（须由起草人以外的市级审核人员或业务管理员批准）',
      params: ZPolicyVersionPath,
      ok: ZApproved,
    },
    (ctx, request) => approvePolicyVersion(ctx, request.params.id),
  );
}
