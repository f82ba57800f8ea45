/** Enterprises: public registration, scoped list and reads, profile edits, resource pool and credit standing. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreditHistory,
  ZEnterprise,
  ZEnterpriseIdParams,
  ZEnterpriseList,
  ZEnterpriseListQuery,
  ZRegisterEnterprise,
  ZRegisterEnterpriseResult,
  ZSetCreditStanding,
  ZSetResourcePool,
  ZUpdateEnterprise,
} from '../../contracts/enterprises';
import {
  getEnterprise,
  getMyEnterprise,
  listCreditHistory,
  listEnterprises,
  registerEnterprise,
  setCreditStanding,
  setResourcePool,
  updateEnterprise,
} from '../../services/enterprises';
import { actorCtx, ctxOf, noStore } from '../http-context';
import { registrationRateLimit } from '../plugins/rate-limit-store';

const TAGS = ['enterprises'];

export async function enterprisesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/register',
    {
      config: registrationRateLimit,
      schema: {
        tags: TAGS,
        summary: '企业注册（公开；同时创建企业管理员账号，每个地址每分钟最多 10 次）',
        body: ZRegisterEnterprise,
        response: { 201: ZRegisterEnterpriseResult },
      },
    },
    async (request, reply) => {
      const result = await registerEnterprise(ctxOf(request), request.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        summary: '企业列表（按权限范围；可按名称/统一社会信用代码搜索，分页）',
        querystring: ZEnterpriseListQuery,
        response: { 200: ZEnterpriseList },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listEnterprises(actorCtx(request, 'enterprise.list'), request.query);
    },
  );

  app.get(
    '/me',
    { schema: { tags: TAGS, summary: '本企业信息（企业用户）', response: { 200: ZEnterprise } } },
    async (request, reply) => {
      noStore(reply);
      return getMyEnterprise(actorCtx(request, 'enterprise.read_own'));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: TAGS,
        summary: '企业详情（权限范围外的企业视为不存在）',
        params: ZEnterpriseIdParams,
        response: { 200: ZEnterprise },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return getEnterprise(actorCtx(request, 'enterprise.read'), request.params.id);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改本企业信息（企业管理员；须回传版本号）',
        params: ZEnterpriseIdParams,
        body: ZUpdateEnterprise,
        response: { 200: ZEnterprise },
      },
    },
    async (request) => updateEnterprise(actorCtx(request, 'enterprise.update'), request.params.id, request.body),
  );

  app.post(
    '/:id/resource-pool',
    {
      schema: {
        tags: TAGS,
        summary: '设置数字化转型供给资源池入池状态（市级业务管理员）',
        params: ZEnterpriseIdParams,
        body: ZSetResourcePool,
        response: { 200: ZEnterprise },
      },
    },
    async (request) =>
      setResourcePool(actorCtx(request, 'enterprise.resource_pool.set'), request.params.id, request.body),
  );

  app.post(
    '/:id/credit-standing',
    {
      schema: {
        tags: TAGS,
        summary: '设置企业信用状况（市级业务管理员；记入信用变更历史）',
        params: ZEnterpriseIdParams,
        body: ZSetCreditStanding,
        response: { 200: ZEnterprise },
      },
    },
    async (request) =>
      setCreditStanding(actorCtx(request, 'enterprise.credit_standing.set'), request.params.id, request.body),
  );

  app.get(
    '/:id/credit-history',
    {
      schema: {
        tags: TAGS,
        summary: '企业信用状况变更历史',
        params: ZEnterpriseIdParams,
        response: { 200: ZCreditHistory },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listCreditHistory(actorCtx(request, 'enterprise.read'), request.params.id);
    },
  );
}
