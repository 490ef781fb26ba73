import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../common/forms/definition';
import { checkFieldValue } from '../../common/forms/validate';
import { FILE_TYPES, type FieldDef, type FormDef, type L10n } from '../../common/forms/types';
import { CORE_ARTICLES as REQUIRED_KB_SLUGS, DEMO_ARTICLES, DEMO_KB_SECTIONS } from './demo-articles';
import { DEMO_CATALOG, type DemoCategory } from './demo-catalog';

type Visit = { node: DemoCategory; path: DemoCategory[] };

function walk(nodes: DemoCategory[], path: DemoCategory[] = []): Visit[] {
  return nodes.flatMap((node) => [{ node, path }, ...walk(node.children ?? [], [...path, node])]);
}

const all = walk(DEMO_CATALOG);
const leaves = all.filter((v) => v.node.leaf);
const leafOf = (v: Visit) => {
  const leaf = v.node.leaf;
  if (!leaf) throw new Error(`${v.node.slug} is not a leaf`);
  return leaf;
};
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Every L10n in a form, with where it sits, for the "all three languages" check. */
function formTexts(slug: string, form: FormDef): Array<[string, L10n]> {
  return form.fields.flatMap((f) => {
    const out: Array<[string, L10n]> = [[`${slug}.${f.key}.label`, f.label]];
    if (f.help) out.push([`${slug}.${f.key}.help`, f.help]);
    if (f.type === 'select') for (const o of f.options) out.push([`${slug}.${f.key}.${o.value}`, o.label]);
    return out;
  });
}

function expectL10n(where: string, text: L10n) {
  for (const lang of ['ru', 'uk', 'en'] as const) {
    expect(text[lang].trim(), `${where} [${lang}]`).not.toBe('');
  }
}

describe('demo catalogue', () => {
  it('has unique, kebab-case slugs', () => {
    const slugs = all.map((v) => v.node.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
  });

  it('gives every node either children or a leaf, and is 2–3 levels deep', () => {
    for (const { node, path } of all) {
      const hasChildren = node.children !== undefined;
      expect(hasChildren !== (node.leaf !== undefined), node.slug).toBe(true);
      if (hasChildren) expect(node.children?.length, node.slug).toBeGreaterThan(0);
      expect(path.length, node.slug).toBeLessThanOrEqual(2);
    }
    for (const top of DEMO_CATALOG) expect(top.children, top.slug).toBeDefined();
  });

  it('names, hints and form texts exist in ru, uk and en', () => {
    for (const { node } of all) {
      expectL10n(`${node.slug}.name`, node.name);
      expectL10n(`${node.slug}.hint`, node.hint);
      if (node.leaf) for (const [where, text] of formTexts(node.slug, node.leaf.form)) expectL10n(where, text);
    }
  });

  it('ends every leaf form with a required description and keeps field keys unique and valid', () => {
    for (const v of leaves) {
      const { fields } = leafOf(v).form;
      const keys = fields.map((f) => f.key);
      expect(new Set(keys).size, v.node.slug).toBe(keys.length);
      for (const key of keys) expect(key, v.node.slug).toMatch(FIELD_KEY);
      const last = fields.at(-1);
      expect(last, v.node.slug).toMatchObject({ key: 'description', type: 'textarea', required: true });
      expect(
        keys.filter((k) => k === 'description'),
        v.node.slug,
      ).toHaveLength(1);
    }
  });

  it('makes conditions refer to earlier fields with values those fields can take', () => {
    let formsWithConditions = 0;
    for (const v of leaves) {
      const { fields } = leafOf(v).form;
      const seen = new Map<string, FieldDef>();
      let hasCondition = false;
      for (const field of fields) {
        const c = field.condition;
        if (c) {
          hasCondition = true;
          const target = seen.get(c.field);
          expect(target, `${v.node.slug}.${field.key} → ${c.field}`).toBeDefined();
          const values = 'in' in c ? c.in : 'equals' in c ? [c.equals] : [c.notEquals];
          for (const value of values) {
            if (target?.type === 'select') expect(target.options.map((o) => o.value)).toContain(value);
            else if (target?.type === 'checkbox') expect(typeof value, `${v.node.slug}.${field.key}`).toBe('boolean');
          }
        }
        seen.set(field.key, field);
      }
      if (hasCondition) formsWithConditions++;
    }
    expect(formsWithConditions).toBeGreaterThanOrEqual(2);
  });

  it('keeps select options and file fields well-formed', () => {
    let fileFields = 0;
    for (const v of leaves) {
      for (const f of leafOf(v).form.fields) {
        if (f.type === 'select') {
          expect(f.options.length, `${v.node.slug}.${f.key}`).toBeGreaterThanOrEqual(2);
          const values = f.options.map((o) => o.value);
          expect(new Set(values).size).toBe(values.length);
        }
        if (f.type === 'files') {
          fileFields++;
          expect(f.maxFiles).toBeGreaterThanOrEqual(1);
          expect(f.accept.length).toBeGreaterThan(0);
          for (const type of f.accept) expect(FILE_TYPES).toContain(type);
        }
        if (f.type === 'money') expect(f.currencies.length).toBeGreaterThan(0);
      }
    }
    expect(fileFields).toBeGreaterThan(0);
  });

  it('routes as the support desk does: terminals, security, complaints, agents', () => {
    const top = (v: Visit) => (v.path[0] ?? v.node).slug;
    for (const v of leaves) {
      const leaf = leafOf(v);
      if (top(v) === 'terminals') expect(leaf.department, v.node.slug).toBe('terminals');
      if (top(v) === 'security') expect(leaf.department, v.node.slug).toBe('security');
      if (top(v) === 'complaints') expect(leaf.sla, v.node.slug).toBe('complaint');
      if (top(v) === 'agent-support') expect(leaf.department, v.node.slug).toBe('agent_support');
      if (leaf.sla === 'security_urgent') expect([leaf.department, leaf.priority], v.node.slug).toEqual(['security', 'urgent']);
    }
    const byslug = new Map(leaves.map((v) => [v.node.slug, leafOf(v)]));
    // Lost money: technical support first, the security service after it.
    expect(byslug.get('wallet-money-lost')?.department).toBe('tech_support');
    expect(byslug.get('security-lost-money-escalation')?.department).toBe('security');
    expect(byslug.get('terminal-payment-with-receipt')?.form.fields.map((f) => f.type)).toEqual(
      expect.arrayContaining(['receipt_number', 'files']),
    );
    expect(byslug.get('terminal-payment-without-receipt')?.form.fields.map((f) => f.type)).toContain('terminal_id');
    expect(byslug.get('terminal-wrong-mobile-topup')?.form.fields.map((f) => f.key)).toEqual(
      expect.arrayContaining(['intended_phone', 'paid_phone', 'receipt_scan']),
    );
  });

  it('has the agents’ section, for agents only', () => {
    const agents = DEMO_CATALOG.find((c) => c.slug === 'agent-support');
    expect(agents?.audience).toBe('agent');
    expect(agents?.name.ru).toBe('Сопровождение агентов');
    for (const v of walk(agents ? [agents] : [])) expect(v.node.audience, v.node.slug).toBe('agent');
    for (const top of DEMO_CATALOG.filter((c) => c !== agents)) {
      for (const v of walk([top])) expect(v.node.audience, v.node.slug).toBe('customer');
    }
  });
});

describe('demo knowledge base', () => {
  const articleSlugs = DEMO_ARTICLES.map((a) => a.slug);
  const sectionSlugs = DEMO_KB_SECTIONS.map((s) => s.slug);

  it('has unique slugs and sections that exist', () => {
    expect(new Set(articleSlugs).size).toBe(articleSlugs.length);
    expect(new Set(sectionSlugs).size).toBe(sectionSlugs.length);
    for (const slug of [...articleSlugs, ...sectionSlugs]) expect(slug).toMatch(KEBAB);
    for (const s of DEMO_KB_SECTIONS) {
      expectL10n(`section ${s.slug}`, s.name);
      if (s.parent) expect(sectionSlugs, s.slug).toContain(s.parent);
    }
    for (const a of DEMO_ARTICLES) expect(sectionSlugs, a.slug).toContain(a.section);
  });

  it('contains the required articles', () => {
    for (const slug of REQUIRED_KB_SLUGS) expect(articleSlugs).toContain(slug);
  });

  it('has at least 40 Russian, 15 Ukrainian and 10 English articles, none empty', () => {
    const count = (lang: 'ru' | 'uk' | 'en') => DEMO_ARTICLES.filter((a) => a.variants[lang]).length;
    expect(count('ru')).toBeGreaterThanOrEqual(40);
    expect(count('uk')).toBeGreaterThanOrEqual(15);
    expect(count('en')).toBeGreaterThanOrEqual(10);
    for (const a of DEMO_ARTICLES) {
      for (const variant of Object.values(a.variants)) {
        expect(variant.title.trim(), a.slug).not.toBe('');
        expect(variant.summary.trim(), a.slug).not.toBe('');
        expect(variant.body.trim(), a.slug).not.toBe('');
        expect(variant.summary.length, `${a.slug}: the summary is two or three sentences`).toBeLessThanOrEqual(400);
      }
      expect(a.tags.length, a.slug).toBeGreaterThan(0);
    }
  });
});

describe('cross-references between the catalogue and the knowledge base', () => {
  const articles = new Map(DEMO_ARTICLES.map((a) => [a.slug, a]));
  const leafSlugs = new Set(leaves.map((v) => v.node.slug));

  it('offers existing articles, of the leaf’s audience, before every form', () => {
    for (const v of leaves) {
      const leaf = leafOf(v);
      expect(leaf.articles.length, v.node.slug).toBeGreaterThan(0);
      for (const slug of leaf.articles) {
        const article = articles.get(slug);
        expect(article, `${v.node.slug} → ${slug}`).toBeDefined();
        expect(['all', v.node.audience], `${v.node.slug} → ${slug}`).toContain(article?.audience);
      }
    }
  });

  it('points articles at existing leaves', () => {
    for (const a of DEMO_ARTICLES) for (const slug of a.categories) expect(leafSlugs.has(slug), `${a.slug} → ${slug}`).toBe(true);
  });

  it('names no real payment company', () => {
    const text = JSON.stringify([DEMO_CATALOG, DEMO_ARTICLES, DEMO_KB_SECTIONS]);
    expect(text).not.toMatch(/qiwi|киви|webmoney|вебмані|вебмани|кіпер|keeper/i);
  });
});

describe('leaf forms against the form-definition parser', () => {
  it('every leaf form passes parseFormDefinition', () => {
    for (const v of leaves) {
      const result = parseFormDefinition(leafOf(v).form);
      expect(result.ok ? [] : result.errors, v.node.slug).toEqual([]);
    }
  });
});

describe('validation of the fields customers trip over', () => {
  const fields = leaves.flatMap((v) => leafOf(v).form.fields);
  const byKey = (key: string) => {
    const found = fields.filter((f) => f.key === key);
    expect(found.length, key).toBeGreaterThan(0);
    return found;
  };

  it("the recipient's phone or account number refuses letters and takes phones and account numbers", () => {
    for (const field of byKey('recipient_account')) {
      const error = (value: string) => {
        const check = checkFieldValue(field, value);
        return check.ok ? null : check.error.code;
      };
      expect(error('abc')).toBe('pattern');
      expect(error('12-ab')).toBe('pattern');
      expect(error('+7 (900) 123-45-67')).toBeNull();
      expect(error('40817810099910004312')).toBeNull();
    }
  });

  it("the terminal number's hint says digits only, in every language", () => {
    for (const field of byKey('terminal_id')) {
      expect(field.help?.ru).toMatch(/^Только цифры/);
      expect(field.help?.uk).toMatch(/^Лише цифри/);
      expect(field.help?.en).toMatch(/^Digits only/);
    }
  });
});
