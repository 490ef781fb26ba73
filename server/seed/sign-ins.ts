import { DEMO_CUSTOMERS, DEMO_STAFF } from './demo';
import { DEMO_WIKI_MEMBERS } from './wiki';

export type DemoSignIn = { who: string; email: string; password: string };

/**
 * Every demo sign-in, in one list: printed at start (server/main.ts) and listed in README.md's
 * «Demo sign-ins» table (server/seed/sign-ins.test.ts keeps the two equal).
 */
export function demoSignIns(): DemoSignIn[] {
  return [
    ...DEMO_STAFF.map((s) => ({ who: s.roles.join(', '), email: s.email, password: s.password })),
    ...DEMO_CUSTOMERS.map((c) => ({
      who: c.priority ? 'customer (Priority)' : 'customer',
      email: c.email,
      password: c.password,
    })),
    ...DEMO_WIKI_MEMBERS.map((m) => ({ who: `customer (wiki level ${m.level})`, email: m.email, password: m.password })),
  ];
}
