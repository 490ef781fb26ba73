import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { AdminNode, Member, StaffMember } from './api';
import { parseSlugs } from './catalog/RoutingFields';
import { branches, flatten, locate, pathTo, portalHref, reorderedSiblings } from './catalog/treeUtils';
import { addable, membersChanged, membersDraft, toMembersBody } from './departments/membersState';
import { conflictReason, issuePath, issuesOf, issuesUnder } from './shared/issues';

const l = (text: string) => ({ ru: text, uk: text, en: text });
const node = (id: string, children: AdminNode[] = [], extra: Partial<AdminNode> = {}): AdminNode => ({
  id,
  slug: id,
  name: l(id.toUpperCase()),
  hint: l(''),
  audience: 'customer',
  isLeaf: children.length === 0,
  children,
  ...extra,
});

const TREE = [
  node('wallet', [node('login', [node('password'), node('sms')]), node('blocked')]),
  node('terminals', [node('lost')]),
];

describe('catalogue tree helpers', () => {
  it('locates a node with its parent and siblings', () => {
    const found = locate(TREE, 'sms');
    expect(found?.parentId).toBe('login');
    expect(found?.siblings.map((n) => n.id)).toEqual(['password', 'sms']);
    expect(found?.depth).toBe(2);
    expect(locate(TREE, 'nope')).toBeNull();
  });

  it('reorders siblings one step, and refuses moves past the ends', () => {
    const roots = TREE;
    expect(reorderedSiblings(roots, 'terminals', -1)).toEqual(['terminals', 'wallet']);
    expect(reorderedSiblings(roots, 'wallet', -1)).toBeNull();
    expect(reorderedSiblings(roots, 'terminals', 1)).toBeNull();
  });

  it('lists branches for parent pickers and every node for category pickers', () => {
    expect(branches(TREE).map((b) => [b.id, b.depth])).toEqual([
      ['wallet', 0],
      ['login', 1],
      ['terminals', 0],
    ]);
    expect(flatten(TREE).map(({ node: n }) => n.id)).toEqual([
      'wallet',
      'login',
      'password',
      'sms',
      'blocked',
      'terminals',
      'lost',
    ]);
  });

  it("builds a leaf's breadcrumb and its portal address", () => {
    expect(pathTo(TREE, 'sms').map((n) => n.id)).toEqual(['wallet', 'login', 'sms']);
    expect(portalHref(TREE, 'sms')).toBe('/contact/wallet/login/sms?step=form');
    const agents = [node('agents', [node('cash')], { audience: 'agent' })];
    expect(portalHref(agents, 'cash')).toBe('/agents/contact/agents/cash?step=form');
  });

  it('reads article slugs typed on lines or with commas, once each', () => {
    expect(parseSlugs('a-1\n b-2, c-3\n\na-1')).toEqual(['a-1', 'b-2', 'c-3']);
    expect(parseSlugs('  ')).toEqual([]);
  });
});

describe('department members', () => {
  const members: Member[] = [{ staffId: 's1', name: 'Ольга', email: 'o@x', roles: ['operator'], tier: 1 }];
  const staff: StaffMember[] = [
    { id: 's1', email: 'o@x', name: 'Ольга', roles: ['operator'], active: true },
    { id: 's3', email: 'b@x', name: 'Борис', roles: ['specialist'], active: true },
    { id: 's2', email: 'a@x', name: 'Анна', roles: ['admin'], active: true },
    { id: 's4', email: 'z@x', name: 'Зоя', roles: ['operator'], active: false },
  ];

  it('offers active staff not yet in the department, by name', () => {
    expect(addable(staff, membersDraft(members)).map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('notices changed tiers and people, and clamps tiers to 1–3', () => {
    expect(membersChanged(members, [{ staffId: 's1', tier: 1 }])).toBe(false);
    expect(membersChanged(members, [{ staffId: 's1', tier: 2 }])).toBe(true);
    expect(membersChanged(members, [])).toBe(true);
    expect(
      toMembersBody([
        { staffId: 's1', tier: 7 },
        { staffId: 's2', tier: 0 },
      ]),
    ).toEqual([
      { staffId: 's1', tier: 3 },
      { staffId: 's2', tier: 1 },
    ]);
  });
});

describe('server problems', () => {
  const error = new ApiError({
    code: 'VALIDATION_FAILED',
    status: 400,
    details: {
      issues: [
        { path: ['body', 'definition', 'weekly', 'mon', '0', '1'], message: 'expected "HH:MM"' },
        { path: ['body', 'definition', 'timeZone'], message: 'unknown IANA time zone' },
        { path: 'not a path', message: 'loose' },
        'garbage',
      ],
    },
  });

  it('reads the issues with their paths', () => {
    const issues = issuesOf(error);
    expect(issues.map(issuePath)).toEqual(['definition.weekly.mon.0.1', 'definition.timeZone', '']);
    expect(issuesUnder(issues, ['definition', 'weekly', 'mon']).map((i) => i.message)).toEqual(['expected "HH:MM"']);
    expect(issuesOf(new Error('x'))).toEqual([]);
  });

  it('reads the reason of a conflict', () => {
    expect(conflictReason(new ApiError({ code: 'CONFLICT', status: 409, details: { reason: 'slug_taken' } }))).toBe('slug_taken');
    expect(conflictReason(error)).toBeNull();
  });
});
