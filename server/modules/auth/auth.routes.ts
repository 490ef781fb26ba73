import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireAuth, requireCustomer } from '../../platform/auth/guards';
import { sessionCookieOptions } from '../../platform/auth/plugin';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { requestMeta } from '../../platform/http';
import { presentMe } from './auth.presenter';
import { answerNoticesBody, errorResponse, localeBody, loginBody, meResponse, replyChannelBody } from './auth.schema';
import * as service from './auth.service';

/** Sign-in for staff and customers: one session mechanism, `kind` tells which. */
export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in (staff or customer)',
          body: loginBody,
          response: { 200: meResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const { token, auth } = await service.login(ctx, request.body, requestMeta(request));
        void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx.config, auth.session.expiresAt));
        return presentMe(auth);
      },
    );

    app.post(
      '/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), 401: errorResponse, 403: errorResponse } } },
      async (request, reply) => {
        const auth = requireAuth(request);
        await service.logout(ctx, auth, requestMeta(request));
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.config));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in person; null for a visitor without a session cookie (401 only for a stale or expired session)',
          response: { 200: meResponse.nullable(), 401: errorResponse },
        },
      },
      // A visitor who never signed in is not an error: no 401 in every anonymous page's console.
      async (request) => (!request.auth && !request.cookies[SESSION_COOKIE] ? null : presentMe(requireAuth(request))),
    );

    app.put(
      '/me/reply-channel',
      {
        schema: {
          tags: ['auth'],
          summary: "A customer's default for where answers go: e-mail or the personal section only",
          body: replyChannelBody,
          response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        await service.setDefaultReplyChannel(ctx, requireCustomer(request), request.body.replyChannel, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/me/answer-notices',
      {
        schema: {
          tags: ['auth'],
          summary: 'A personal-section-only customer: whether to still get a short mail about each new answer',
          body: answerNoticesBody,
          response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        await service.setAnswerNotices(ctx, requireCustomer(request), request.body.answerNotices, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/me/locale',
      {
        schema: {
          tags: ['auth'],
          summary: 'Remember the interface language',
          body: localeBody,
          response: { 204: z.null(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request, reply) => {
        await service.setLocale(ctx, requireAuth(request), request.body.locale);
        return reply.status(204).send(null);
      },
    );
  };
}
