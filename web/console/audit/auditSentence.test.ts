import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/errors';
import type { AuditEntry } from '../../api/console';
import { translate } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';
import { auditSentence, sentenceKey } from './auditSentence';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// The audit actions the server writes, read from its source: every `action: …` of a
// recordAudit call, the action argument of the modules' audit helpers (audit, audited, act;
// the help centre's audit(tx, staff, meta, 'edit', row) writes `kb.edit`), and the action in
// the filing statement's INSERT INTO audit_log. A new action without a sentence fails below.
function serverAuditActions(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return files(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    });
  const literals = (text: string) => [...text.matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)].map((m) => m[1] as string);
  const dotted = (a: string) => /^[a-z_]+(?:\.[a-z_]+)+$/.test(a);
  const found = new Set<string>();
  for (const file of files(path.join(ROOT, 'server'))) {
    const text = readFileSync(file, 'utf8');
    if (!/recordAudit|audit_log|\baudit\(|\baudited\(/.test(text)) continue;
    for (const m of text.matchAll(/\baction:\s*([^\n]+)/g)) for (const a of literals(m[1] as string)) if (dotted(a)) found.add(a);
    for (const m of text.matchAll(/\b(?:audit|audited|act)\(([^{)]*?)(?:async|\{|\))/g)) {
      for (const a of literals(m[1] as string)) if (dotted(a)) found.add(a);
    }
    if (file.includes(`${path.sep}kb${path.sep}`)) {
      // A literal compared in a condition (`status === 'published' ? …`) is not an action.
      for (const m of text.matchAll(/\baudit\(tx, staff, meta, ([^{)]*?), row/g)) {
        for (const x of (m[1] as string).matchAll(/'([a-z_]+)'(?!\s*\?)/g)) found.add(`kb.${x[1] as string}`);
      }
    }
    for (const m of text.matchAll(/INSERT INTO audit_log[^']*'([a-z_.]+)'/g)) found.add(m[1] as string);
  }
  return [...found].sort();
}

const entry = (action: string, data: Record<string, unknown>, entityType = 'ticket'): AuditEntry => ({
  id: 1,
  at: '2026-12-07T05:00:00.000Z',
  actor: { kind: 'staff', id: null, name: null },
  action,
  entityType,
  entityId: null,
  number: null,
  ip: null,
  data,
});
const context = (locale: (typeof LOCALES)[number]) => ({
  t: ((key, params) => translate(locale, key, params)) as Translate,
  departmentName: (code: string) => (code === 'security' ? 'Служба безопасности' : ''),
});

describe('audit sentences', () => {
  const actions = serverAuditActions();

  it('finds the actions the server writes', () => {
    // Guards the reader of the source: if these disappear the scan is broken, not the server.
    expect(actions).toEqual(expect.arrayContaining(['ticket.filed', 'ticket.taken', 'kb.edit', 'wiki.create', 'pii.revealed']));
    expect(actions.length).toBeGreaterThan(50);
  });

  it('has a sentence for every audit action the server writes', () => {
    expect(actions.filter((a) => !sentenceKey(a))).toEqual([]);
  });

  it.each(LOCALES)('every sentence reads without code or raw data in %s, even with no data', (locale) => {
    const raw = actions
      .map((a) => auditSentence(entry(a, {}), context(locale)))
      .filter((s) => /[{}]|\b[a-z]+\.[a-z_]+\b/.test(s));
    expect(raw).toEqual([]);
  });

  it('tells the details the issue found raw as sentences in the reader’s language', () => {
    const ru = context('ru');
    expect(auditSentence(entry('ticket.status_changed', { from: 'resolved', to: 'reopened' }), ru)).toBe(
      'Статус изменён: «Решено» → «Возобновлено».',
    );
    expect(
      auditSentence(
        entry('customer.identification', { result: 'identified', check: 'match', phoneMatches: true, wallet: '…4567' }),
        ru,
      ),
    ).toBe('Клиент идентифицирован: паспорт и номер кошелька …4567 совпали.');
    expect(auditSentence(entry('ticket.filed', { status: 'unconfirmed', formVersion: 1 }), ru)).toBe(
      'Обращение подано, ждёт подтверждения по ссылке из письма.',
    );
    expect(auditSentence(entry('ticket.transferred', { toCode: 'security' }), ru)).toBe(
      'Обращение передано в отдел «Служба безопасности».',
    );
    expect(auditSentence(entry('ticket.filed', { status: 'new' }), context('en'))).toBe('The request was filed.');
    expect(auditSentence(entry('ticket.escalated', { from: 1, to: 2 }), context('uk'))).toBe('Ескальовано з лінії 1 на лінію 2.');
  });

  it('an action without a sentence reads as a generic line, never as raw JSON', () => {
    const line = auditSentence(entry('payments.refund_requested', { amount: 100, nested: { a: 1 } }, 'payment'), context('ru'));
    expect(line).toBe('Действие «payments.refund_requested» над объектом: payment.');
    expect(line).not.toContain('{');
  });
});
