/**
 * Policy versions from renewal notices: the public library lists the approved ones with their status on a date
 * and what each changed; the city administrator drafts and corrects, another city account approves.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtx, ctxOf } from '../http-context';
import { publicReadConfig } from '../plugins/public-cache';

const TAGS = ['policy-versions'];

export async function policyVersionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/policies/zyb.interest/versions',
    {
      config: publicReadConfig,
      schema: {
        tags: TAGS,
        summary: '政策库：“政银保”贴息政策的各版本（在某日的状态，以及与上一版本相比的变化）',
        querystring: ZPolicyVersionsQuery,
        response: { 200: ZPolicyVersionList },
      },
    },
    async (request) => listPolicyVersions(ctxOf(request), request.query.asOf),
  );

  app.get(
    '/policies/zyb.interest/versions/:id',
    {
      config: publicReadConfig,
      schema: {
        tags: TAGS,
        summary: '政策库：一个政策版本（含通知原文与所调整的参数）',
        params: ZPolicyVersionPath,
        querystring: ZPolicyVersionsQuery,
        response: { 200: ZPolicyVersionDetail },
      },
    },
    async (request) => readPolicyVersion(ctxOf(request), request.params.id, request.query.asOf),
  );

  app.get(
    '/policy-versions',
    {
      schema: {
        tags: TAGS,
        summary: '政策版本（含草稿，市级审核人员与业务管理员）',
        querystring: ZPolicyVersionsQuery,
        response: { 200: ZPolicyVersionList },
      },
    },
    async (request) => listPolicyVersionsForCity(actorCtx(request), request.query.asOf),
  );

  app.post(
    '/policy-versions',
    {
      schema: {
        tags: TAGS,
        summary: '登记政策版本草稿（续期通知：文号、有效期、原文、调整的参数及其条款）',
        body: ZPolicyVersionInput,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) => {
      const r = await draftPolicyVersion(actorCtx(request), request.body);
      return reply.code(201).send(r);
    },
  );

  app.put(
    '/policy-versions/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改政策版本草稿（已批准的版本不能修改）',
        params: ZPolicyVersionPath,
        body: ZPolicyVersionInput,
        response: { 200: ZCreated },
      },
    },
    async (request) => updatePolicyVersion(actorCtx(request), request.params.id, request.body),
  );

  app.post(
    '/policy-versions/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '批准政策版本（须由起草人以外的市级审核人员或业务管理员批准）',
        params: ZPolicyVersionPath,
        response: { 200: ZApproved },
      },
    },
    async (request) => approvePolicyVersion(actorCtx(request), request.params.id),
  );
}
