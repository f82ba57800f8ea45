/** Enterprises: public registration, scoped list and reads, profile edits, resource pool and credit standing. */
import type { FastifyInstance } from 'fastify';
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
import { registrationRateLimit } from '../plugins/rate-limit-store';
import { routeKit } from '../route-kit/route';

export async function enterprisesRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['enterprises']);

  route.post(
    '/register',
    {
      guard: 'public',
      summary: '企业注册（公开；同时创建企业管理员账号，每个地址每分钟最多 10 次）',
      config: registrationRateLimit,
      body: ZRegisterEnterprise,
      created: ZRegisterEnterpriseResult,
    },
    (ctx, request) => registerEnterprise(ctx, request.body),
  );

  route.get(
    '/',
    {
      guard: 'enterprise.list',
      summary: '企业列表（按权限范围；可按名称/统一社会信用代码搜索，分页）',
      query: ZEnterpriseListQuery,
      ok: ZEnterpriseList,
      noStore: true,
    },
    (ctx, request) => listEnterprises(ctx, request.query),
  );

  route.get(
    '/me',
    { guard: 'enterprise.read_own', summary: '本企业信息（企业用户）', ok: ZEnterprise, noStore: true },
    (ctx) => getMyEnterprise(ctx),
  );

  route.get(
    '/:id',
    {
      guard: 'enterprise.read',
      summary: '企业详情（权限范围外的企业视为不存在）',
      params: ZEnterpriseIdParams,
      ok: ZEnterprise,
      noStore: true,
    },
    (ctx, request) => getEnterprise(ctx, request.params.id),
  );

  route.patch(
    '/:id',
    {
      guard: 'enterprise.update',
      summary: '修改本企业信息（企业管理员；须回传版本号）',
      params: ZEnterpriseIdParams,
      body: ZUpdateEnterprise,
      ok: ZEnterprise,
    },
    (ctx, request) => updateEnterprise(ctx, request.params.id, request.body),
  );

  route.post(
    '/:id/resource-pool',
    {
      guard: 'enterprise.resource_pool.set',
      summary: '设置数字化转型供给资源池入池状态（市级业务管理员）',
      params: ZEnterpriseIdParams,
      body: ZSetResourcePool,
      ok: ZEnterprise,
    },
    (ctx, request) => setResourcePool(ctx, request.params.id, request.body),
  );

  route.post(
    '/:id/credit-standing',
    {
      guard: 'enterprise.credit_standing.set',
      summary: '设置企业信用状况（市级业务管理员；记入信用变更历史）',
      params: ZEnterpriseIdParams,
      body: ZSetCreditStanding,
      ok: ZEnterprise,
    },
    (ctx, request) => setCreditStanding(ctx, request.params.id, request.body),
  );

  route.get(
    '/:id/credit-history',
    {
      guard: 'enterprise.read',
      summary: '企业信用状况变更历史',
      params: ZEnterpriseIdParams,
      ok: ZCreditHistory,
      noStore: true,
    },
    (ctx, request) => listCreditHistory(ctx, request.params.id),
  );
}
