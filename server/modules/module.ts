import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Locale } from '../../common/errors';
import type { Config } from '../config';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import type { JobDefinition } from '../platform/jobs';
import type { RoomRule } from '../platform/ws';

/** A route plugin and the prefix it is mounted under. */
export type ModuleRoutes = { plugin: (ctx: AppContext) => FastifyPluginAsyncZod; prefix?: string };

/** Texts of a module's own field-problem codes (`<module>.<problem>`), in every language. */
export type IssueTexts = Record<string, Record<Locale, string>>;

// Jobs have different payloads; the list only needs their names and definitions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJob = JobDefinition<any>;

/** A job run on a schedule by the worker role; `when` narrows it further (e.g. to a storage kind). */
export type ModuleSchedule = { job: AnyJob; cron: string; when?: (ctx: AppContext) => boolean };

/** What a module runs after commit and in the background. */
export type ModuleBackground = { jobs?: AnyJob[]; schedules?: ModuleSchedule[] };

/**
 * What a module brings, in one place: `server/modules/index.ts` lists the manifests, and
 * app.ts (routes, realtime rooms), register.ts (jobs, schedules, outbox handlers), issues.ts
 * (field-problem texts) and runtime.ts (demo seed, role services) iterate that list.
 */
export type PaydeskModule<T extends IssueTexts = IssueTexts> = {
  name: string;
  /** HTTP routes, mounted in this order. */
  routes?: readonly ModuleRoutes[];
  /**
   * Called once per process, before jobs start: registers the module's outbox handlers on
   * `ctx.outbox` (and bus listeners), returns its job definitions and schedules.
   */
  background?: (ctx: AppContext) => ModuleBackground;
  /** Who may join which realtime rooms of this module. */
  rooms?: (ctx: AppContext) => RoomRule[];
  /** Texts of the module's field-problem codes (see server/issues.ts). */
  issueTexts?: T;
  /** Demo data, when SEED_DEMO is on; runs in the order of the module list, after the reference data. */
  demoSeed?: (db: Database, config: Config) => Promise<{ added: number }>;
  /** Services a process starts per its roles after the background is registered (listeners, timers). */
  start?: (ctx: AppContext, roles: readonly string[]) => Promise<{ close(): Promise<void> }>;
};

/** Keeps the literal issue codes in the manifest's type, so `ownIssue` checks them. */
export function defineModule<const T extends IssueTexts = Record<never, never>>(module: PaydeskModule<T>): PaydeskModule<T> {
  return module;
}
