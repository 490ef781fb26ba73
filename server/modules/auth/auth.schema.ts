import { z } from 'zod';
import { LOCALES } from '../../../common/errors';

export const loginBody = z.object({
  kind: z.enum(['staff', 'customer']),
  /** E-mail for staff; e-mail or phone for customers. */
  login: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const localeBody = z.object({ locale: z.enum(LOCALES) });
export const answerNoticesBody = z.object({ answerNotices: z.boolean() });
export const replyChannelBody = z.object({ replyChannel: z.enum(['email', 'portal']) });

export const meResponse = z.object({
  kind: z.enum(['staff', 'customer']),
  user: z.object({
    id: z.string().uuid(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string(),
    roles: z.array(z.string()),
    locale: z.enum(LOCALES),
    priority: z.boolean().optional(),
    /** Customers: where answers go by default. */
    replyChannel: z.enum(['email', 'portal']).optional(),
    /** Customers: with the personal-section channel, still mail a short notice of a new answer. */
    answerNotices: z.boolean().optional(),
  }),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

export { errorResponse } from '../../platform/http';
