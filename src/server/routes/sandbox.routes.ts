/** The what-if sandbox of a subsidy campaign (city administrator): a scenario beside the live outcome. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSandboxResult, ZSandboxScenario } from '../../contracts/sandbox';
import { ZIdParam } from '../../contracts/subsidy';
import { runSandbox } from '../../services/subsidy';
import { actorCtx } from '../http-context';

export async function sandboxRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/campaigns/:id/sandbox',
    {
      schema: {
        tags: ['sandbox'],
        summary:
          '政策沙盘：调整预算、分配方式、补助比例或封顶后，按本批次真实申请测算并与现行结果对比（不保存、不改变任何记录）',
        params: ZIdParam,
        body: ZSandboxScenario,
        response: { 200: ZSandboxResult },
      },
    },
    async (request) => runSandbox(actorCtx(request), request.params.id, request.body),
  );
}
