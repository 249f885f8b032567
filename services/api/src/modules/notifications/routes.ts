import {
  NotificationIdParamsSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationPreferencesSchema,
  UpdateNotificationPreferencesRequestSchema,
} from '@cg/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IfMatchHeaders, problemResponses } from '../../lib/openapi.js';
import { type NotificationDeps, notificationDeps } from './dependencies.js';
import * as notifications from './service.js';

type RouteApp = Parameters<FastifyPluginAsyncZod>[0];

const NoContent = z.undefined().describe('Done.');
const PEOPLE_ONLY = 'For people signed in; API clients get 403.';

function registerList(app: RouteApp, deps: NotificationDeps) {
  app.get(
    '/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'listNotifications',
        summary: 'The caller’s notifications, newest first, with the unread count',
        description: `${PEOPLE_ONLY} Each notification names its deal and what happened, in the words of its email.`,
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => notifications.listNotifications(deps, request.caller, request.query),
  );
}

function registerMarkRead(app: RouteApp, deps: NotificationDeps) {
  app.post(
    '/v1/notifications/:notificationId/read',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'markNotificationRead',
        summary: 'Mark one of the caller’s notifications read',
        description: `${PEOPLE_ONLY} Marking it again keeps the first time. Another person’s notification is a 404.`,
        params: NotificationIdParamsSchema,
        response: { 204: NoContent, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await notifications.markNotificationRead(deps, request.caller, request.params.notificationId);
      return reply.code(204).send();
    },
  );
}

function registerMarkAllRead(app: RouteApp, deps: NotificationDeps) {
  app.post(
    '/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'markAllNotificationsRead',
        summary: 'Mark every notification of the caller read',
        description: PEOPLE_ONLY,
        response: { 204: NoContent, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await notifications.markAllNotificationsRead(deps, request.caller);
      return reply.code(204).send();
    },
  );
}

function registerPreferences(app: RouteApp, deps: NotificationDeps) {
  app.get(
    '/v1/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'getNotificationPreferences',
        summary: 'How the caller receives each kind of notification',
        description: `${PEOPLE_ONLY} Every kind is listed; \`email\` unless the caller chose otherwise. The reply has an \`ETag\`.`,
        response: { 200: NotificationPreferencesSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const { preferences, etag } = await notifications.getPreferences(deps, request.caller);
      return reply.header('etag', etag).send({ preferences });
    },
  );

  app.put(
    '/v1/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'updateNotificationPreferences',
        summary: 'Choose, per kind, email now, a daily digest, or off',
        description: `${PEOPLE_ONLY} Send the kinds to change (or all); the reply is the whole map. \`If-Match\` with the ETag last read: 412 if the preferences changed since.`,
        headers: IfMatchHeaders,
        body: UpdateNotificationPreferencesRequestSchema,
        response: { 200: NotificationPreferencesSchema, ...problemResponses(400, 401, 403, 412, 415) },
      },
    },
    async (request, reply) => {
      const { preferences, etag } = await notifications.updatePreferences(
        deps,
        request.caller,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag).send({ preferences });
    },
  );
}

/** The notification centre and the preferences: registered inside the authenticated scope. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = notificationDeps(app);
  registerList(app, deps);
  registerMarkRead(app, deps);
  registerMarkAllRead(app, deps);
  registerPreferences(app, deps);
};
