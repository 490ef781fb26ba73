import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import { Checkbox, RadioGroup, Select, TextArea, TextField } from './index';

const WEB = join(import.meta.dirname, '..', '..');
const FIELDS = join(WEB, 'ui', 'fields');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** The server render of a field; the locale is read from a cookie, so the test gives an empty one. */
function render(node: ReactNode): string {
  const global = globalThis as { document?: { cookie: string } };
  global.document ??= { cookie: '' };
  return renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);
}

const noop = () => undefined;

describe('one set of form fields', () => {
  it('no screen writes its own label markup: every label comes from web/ui/fields', () => {
    const offenders = tsxFiles(WEB)
      .filter((file) => !file.startsWith(FIELDS))
      .filter((file) => /<label[\s>]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(WEB, file));
    expect(offenders).toEqual([]);
  });

  it('ties the label, the hint and the error to the control', () => {
    const html = render(<TextField id="t" label="Номер" hint="Из чека" error="Нужен номер" value="" onChange={noop} />);
    expect(html).toContain('<label class="field__label" for="t">Номер</label>');
    expect(html).toContain('aria-describedby="t-error t-hint"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p class="field__error" id="t-error">Нужен номер</p>');
  });

  it('draws a filter bar field with the small label and control, and a checkbox in the bar', () => {
    const select = render(
      <Select
        look="filter"
        id="s"
        label="Действие"
        value=""
        onChange={noop}
        options={[
          ['', 'Любое'],
          ['x', 'Икс', true],
        ]}
      />,
    );
    expect(select).toMatch(
      /^<div class="filters__field"><label class="filters__label" for="s">Действие<\/label><select id="s" class="filters__input"/,
    );
    expect(select).toContain('<option value="x" disabled="">Икс</option>');
    const check = render(<Checkbox look="filter" id="c" label="Только VIP" checked={false} onChange={noop} />);
    expect(check).toContain('class="filters__check field--inline"');
    expect(check).toContain('<label class="field__label" for="c">Только VIP</label>');
  });

  it('keeps a bare control in its row with a label read out but not shown', () => {
    const html = render(
      <TextArea look="bare" id="q" label="Вопрос" inputClassName="consultant__input" value="" onChange={noop} />,
    );
    expect(html).toBe(
      '<div class="field field--bare"><label class="visually-hidden" for="q">Вопрос</label><textarea id="q" class="consultant__input"></textarea></div>',
    );
  });

  it('groups radios under a legend, each label wrapping its radio, with the error tied to the group', () => {
    const html = render(
      <RadioGroup
        legend="Куда ответить"
        name="channel"
        value="email"
        onChange={noop}
        error={['Выберите способ']}
        optionClassName={(value, on) => `choice__option${on ? ' on' : ''}-${value}`}
        options={[
          ['email', 'Почта'],
          ['portal', 'Кабинет'],
        ]}
      />,
    );
    expect(html).toContain('<fieldset class="field--invalid" aria-describedby="channel-error">');
    expect(html).toContain('<legend class="field__label">Куда ответить</legend>');
    expect(html).toContain(
      '<label class="choice__option on-email"><input type="radio" name="channel" checked="" value="email"/>Почта</label>',
    );
    expect(html).toContain(
      '<label class="choice__option-portal"><input type="radio" name="channel" value="portal"/>Кабинет</label>',
    );
    expect(html).toContain('<p class="field__error" id="channel-error">Выберите способ</p>');
  });
});
