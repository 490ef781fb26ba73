import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../web/i18n/catalogues';
import { DEMO_CATALOG, type DemoCategory } from './demo-catalog';
import { DEMO_ARTICLES, DEMO_KB_SECTIONS } from './demo-articles';

/** Labels an article may name that are not paydesk's pages: the wallet app's and the terminal's own screens, the browser's menu. */
const ELSEWHERE = new Set([
  'Забыли пароль?', // the wallet app's sign-in screen
  'Сменить ПИН-код', // the wallet app
  'Выписка по операциям', // the wallet app
  'Платёжное поручение', // the wallet app
  'i', // the terminal's screen
  'Печать', // the browser's menu
  'Сохранить как PDF', // the browser's print dialog
]);

function names(nodes: DemoCategory[]): string[] {
  return nodes.flatMap((n) => [n.name.ru, ...names(n.children ?? [])]);
}

/** Every label the portal shows in Russian: the interface's texts, the catalogue's and the help centre's section names. */
const onScreen = [
  ...Object.values(CATALOGUES.ru).map(String),
  ...names(DEMO_CATALOG),
  JSON.stringify(DEMO_CATALOG), // the forms' field labels and options
  ...DEMO_KB_SECTIONS.map((s) => s.name.ru),
].join('\n');

/** The portal's pages (web/routes.tsx), as path patterns. */
const routes = readFileSync(new URL('../../web/routes.tsx', import.meta.url), 'utf8');
const PAGES = [
  /^\/$/,
  /^\/help(\/.*)?$/,
  /^\/agents\/help(\/.*)?$/,
  /^\/contact(\/.*)?$/,
  /^\/agents\/contact(\/.*)?$/,
  /^\/contacts$/,
  /^\/notices$/,
  /^\/wiki(\/.*)?$/,
  /^\/requests(\/.*)?$/,
  /^\/login$/,
  /^\/payments\/check$/,
  /^\/agents\/payments\/check$/,
];

describe('help articles name only what exists', () => {
  it('every button, menu item or section an article tells the reader to use is on screen', () => {
    const missing: string[] = [];
    for (const a of DEMO_ARTICLES) {
      const v = a.variants.ru;
      const text = `${v.summary}\n${v.body}`;
      for (const m of text.matchAll(
        /(нажмите|кнопк\S*|откройте|раздел\S*|выберите|перейдите\S*|в меню|на странице)\s+(?:[^«\n]{0,30}?)«([^»]+)»/gi,
      )) {
        const label = m[2]!;
        if (ELSEWHERE.has(label)) continue;
        if (!onScreen.includes(label)) missing.push(`${a.slug}: «${label}»`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every link in an article points at a page of the portal', () => {
    expect(routes).toContain("path: 'contacts'");
    const broken: string[] = [];
    for (const a of DEMO_ARTICLES)
      for (const v of Object.values(a.variants))
        for (const m of `${v.summary}\n${v.body}`.matchAll(/\]\((\/[^)\s#?]*)/g))
          if (!PAGES.some((p) => p.test(m[1]!))) broken.push(`${a.slug}: ${m[1]}`);
    expect(broken).toEqual([]);
  });

  it('request-export does not promise a download button that does not exist', () => {
    const a = DEMO_ARTICLES.find((x) => x.slug === 'request-export')!;
    for (const v of Object.values(a.variants))
      expect(`${v.summary}${v.body}`).not.toMatch(/«Скачать переписку»|«Завантажити листування»/);
  });
});
