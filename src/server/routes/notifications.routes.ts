/**
 * Notices to people: the signed-in user's in-app notifications, and (for the city administrator) the SMS /
 * e-mail outbox and a manual dispatch. In a listening server a dispatcher delivers the outbox every 30 s.
 */
import type { FastifyInstance } from 'fastify';
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
import { routeKit } from '../route-kit/route';

export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  let loop: ReturnType<typeof startLoop> | null = null;
  const route = routeKit(app, ['notifications']);
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

  route.get(
    '/',
    {
      guard: 'signed-in',
      summary: '我的通知（最新在前）',
      query: ZNotificationListQuery,
      ok: ZNotificationList,
      noStore: true,
    },
    (ctx, request) => listNotifications(ctx, request.query),
  );

  route.get(
    '/unread-count',
    { guard: 'signed-in', summary: '未读通知数', ok: ZUnreadCount, noStore: true },
    async (ctx) => ({ unread: await countUnread(ctx) }),
  );

  route.post(
    '/:id/read',
    { guard: 'signed-in', summary: '标记为已读', params: ZNotificationIdParams, ok: ZNotification },
    (ctx, request) => markRead(ctx, request.params.id),
  );

  route.post('/read-all', { guard: 'signed-in', summary: '全部标记为已读', ok: ZUpdatedCount }, async (ctx) => ({
    updated: await markAllRead(ctx),
  }));

  route.get(
    '/outbox',
    {
      guard: 'notification.outbox.read',
      summary: '短信/邮件发件箱（市级业务管理员；地址已脱敏）',
      query: ZOutboxQuery,
      ok: ZOutboxList,
      noStore: true,
    },
    (ctx, request) => listOutbox(ctx, request.query),
  );

  route.post(
    '/outbox/dispatch',
    {
      guard: 'notification.outbox.dispatch',
      summary: '立即投递到期的短信/邮件（市级业务管理员）',
      ok: ZDispatchResult,
    },
    () => dispatchOutbox(app.deps),
  );
}
