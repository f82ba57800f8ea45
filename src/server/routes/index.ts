/** Every API module registers here under /api. Each routes file exports one plugin function. */
import type { FastifyInstance } from 'fastify';
import { apiTokensRoutes } from './api-tokens.routes';
import { attachmentsRoutes } from './attachments.routes';
import { auditRoutes } from './audit.routes';
import { authRoutes } from './auth.routes';
import { calculatorsRoutes } from './calculators.routes';
import { calendarRoutes } from './calendar.routes';
import { dashboardRoutes } from './dashboard.routes';
import { enterprisesRoutes } from './enterprises.routes';
import { financingRoutes } from './financing.routes';
import { fundRoutes } from './fund.routes';
import { guaranteeRoutes } from './guarantee.routes';
import { healthRoutes } from './health.routes';
import { interpretationsRoutes } from './interpretations.routes';
import { loansRoutes } from './loans.routes';
import { notificationsRoutes } from './notifications.routes';
import { policyVersionsRoutes } from './policy-versions.routes';
import { projectsRoutes } from './projects.routes';
import { publicNoticeRoutes } from './public-notice.routes';
import { referenceRoutes } from './reference.routes';
import { sandboxRoutes } from './sandbox.routes';
import { subsidyRoutes } from './subsidy.routes';
import { usersRoutes } from './users.routes';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/v1/auth' });
  await app.register(calculatorsRoutes, { prefix: '/v1' });
  await app.register(enterprisesRoutes, { prefix: '/v1/enterprises' });
  await app.register(attachmentsRoutes, { prefix: '/v1/attachments' });
  await app.register(referenceRoutes, { prefix: '/v1/reference' });
  await app.register(usersRoutes, { prefix: '/v1/users' });
  await app.register(apiTokensRoutes, { prefix: '/v1/api-tokens' });
  await app.register(auditRoutes, { prefix: '/v1/audit' });
  await app.register(loansRoutes, { prefix: '/v1/loans' });
  await app.register(subsidyRoutes, { prefix: '/v1/subsidy' });
  await app.register(publicNoticeRoutes, { prefix: '/v1/public/notices' });
  await app.register(dashboardRoutes, { prefix: '/v1/dashboard' });
  await app.register(projectsRoutes, { prefix: '/v1' });
  await app.register(notificationsRoutes, { prefix: '/v1/notifications' });
  await app.register(calendarRoutes, { prefix: '/v1/calendar' });
  await app.register(policyVersionsRoutes, { prefix: '/v1' });
  await app.register(guaranteeRoutes, { prefix: '/v1/guarantee' });
  await app.register(interpretationsRoutes, { prefix: '/v1' });
  await app.register(sandboxRoutes, { prefix: '/v1/subsidy' });
  await app.register(financingRoutes, { prefix: '/v1/financing' });
  await app.register(fundRoutes, { prefix: '/v1/fund' });
}
