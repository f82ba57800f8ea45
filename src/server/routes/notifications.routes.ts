/**
 * Notices to people: the signed-in user's in-app notifications, and (for the city administrator) the SMS /
 * e-mail outbox and a manual dispatch. In a listening server a dispatcher delivers the outbox every 30 s.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZUpdatedCount } from '../../contracts/common';
import {
  ZDispatchResult,
  ZNotification,
  ZNotificationIdParams,
  ZNotificationList,
  ZNotificationListQuery,
  ZOutboxList,
  ZOutboxQuery,
  ZUnreadCount,
} from '../../contracts/notifications';
import {
  countUnread,
  dispatchOutbox,
  listNotifications,
  listOutbox,
  markAllRead,
  markRead,
  startLoop,
} from '../../services/notifications';
import { actorCtx, noStore } from '../http-context';

const TAGS = ['notifications'];

export async function notificationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  let loop: ReturnType<typeof startLoop> | null = null;
  app.addHook('onListen', async () => {
    loop = startLoop(
      () => dispatchOutbox(app.deps),
      30_000,
      (e) => app.log.error({ err: e }, 'outbox dispatch failed'),
    );
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });

  app.get(
    '/',
    {
      schema: {
        tags: TAGS,
        summary: '我的通知（最新在前）',
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listNotifications(actorCtx(request), request.query);
    },
  );

  app.get(
    '/unread-count',
    { schema: { tags: TAGS, summary: '未读通知数', response: { 200: ZUnreadCount } } },
    async (request, reply) => {
      noStore(reply);
      return { unread: await countUnread(actorCtx(request)) };
    },
  );

  app.post(
    '/:id/read',
    {
      schema: { tags: TAGS, summary: '标记为已读', params: ZNotificationIdParams, response: { 200: ZNotification } },
    },
    async (request) => markRead(actorCtx(request), request.params.id),
  );

  app.post(
    '/read-all',
    { schema: { tags: TAGS, summary: '全部标记为已读', response: { 200: ZUpdatedCount } } },
    async (request) => ({ updated: await markAllRead(actorCtx(request)) }),
  );

  app.get(
    '/outbox',
    {
      schema: {
        tags: TAGS,
        summary: '短信/邮件发件箱（市级业务管理员；地址已脱敏）',
        querystring: ZOutboxQuery,
        response: { 200: ZOutboxList },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listOutbox(actorCtx(request, 'notification.outbox.read'), request.query);
    },
  );

  app.post(
    '/outbox/dispatch',
    {
      schema: { tags: TAGS, summary: '立即投递到期的短信/邮件（市级业务管理员）', response: { 200: ZDispatchResult } },
    },
    async (request) => {
      actorCtx(request, 'notification.outbox.dispatch');
      return dispatchOutbox(app.deps);
    },
  );
}
