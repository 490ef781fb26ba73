import { z } from 'zod';
import { l10nInput } from '../../../common/l10n';
import { LOCALES } from '../../../common/errors';
import { NOTICE_AUDIENCES, NOTICE_SEVERITIES } from '../../db/schema';

const text = (max: number) => l10nInput(max);

/** What staff write: the window (end optional for an open-ended outage), severity, audience, texts. */
export const noticeInput = z
  .object({
    severity: z.enum(NOTICE_SEVERITIES),
    audience: z.enum(NOTICE_AUDIENCES),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date().nullable(),
    title: text(160),
    body: text(2000),
  })
  .refine((n) => n.endsAt === null || n.endsAt.getTime() > n.startsAt.getTime(), {
    path: ['endsAt'],
    message: 'notices.end_after_start',
  });
export type NoticeInput = z.infer<typeof noticeInput>;

export const noticeStaffView = z.object({
  id: z.string().uuid(),
  severity: z.enum(NOTICE_SEVERITIES),
  audience: z.enum(NOTICE_AUDIENCES),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  title: text(160),
  body: text(2000),
  state: z.enum(['upcoming', 'current', 'past']),
  updatedAt: z.string(),
});

/** A notice in one language, for the portal. */
export const noticePublicView = z.object({
  id: z.string().uuid(),
  severity: z.enum(NOTICE_SEVERITIES),
  audience: z.enum(NOTICE_AUDIENCES),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  state: z.enum(['upcoming', 'current', 'past']),
});

export const localeQuery = z.enum(LOCALES).default('ru');
/** Which readers: customers see customer + all, agents agent + all. */
export const audienceQuery = z.enum(['customer', 'agent']).default('customer');
export const whenQuery = z.enum(['current', 'upcoming', 'past']);
