import { expect, test, type Page } from '@playwright/test';

// The main portal flow in Ukrainian and in English: home, the help centre, the contact wizard
// down to a form, its errors. Nothing on the page may be Russian, apart from content marked
// Russian-only (`lang="ru"`, e.g. an article that has no translation yet).

const LANGUAGES = [
  // Letters Ukrainian does not have: a Russian word shows at least one of them almost always.
  { code: 'uk', button: 'Українська', russian: /[ЫыЭэЪъЁё]/, contact: 'Звернутися до підтримки', onlyRu: 'лише російською' },
  // No Cyrillic at all in English.
  { code: 'en', button: 'English', russian: /[А-Яа-яЁёІіЇїЄєҐґ]/, contact: 'Contact support', onlyRu: 'Russian only' },
] as const;

/**
 * Content in another language than the page's (`lang="ru"` inside main) must sit in a block that
 * says so (`data-content-lang="ru"`) and shows the mark in the reader's words; returns how many
 * such blocks the page has, and fails naming any unmarked Russian text.
 */
async function expectRussianMarked(page: Page, mark: string, where: string): Promise<number> {
  const found = await page.evaluate((label) => {
    const own = document.documentElement.lang;
    const foreign = [...document.querySelectorAll(`main [lang]:not([lang="${own}"])`)] as HTMLElement[];
    const unmarked = foreign
      .filter((el) => {
        const block = el.closest('[data-content-lang]');
        if (!block || block.getAttribute('data-content-lang') !== el.lang) return true;
        const badge = block.querySelector('.only-in');
        return !badge || !(badge.textContent ?? '').includes(label) || badge.closest('[lang]')?.getAttribute('lang') !== own;
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 80));
    return { unmarked, blocks: document.querySelectorAll('main [data-content-lang]').length };
  }, mark);
  expect(found.unmarked, `Russian text without «${mark}» on ${where}`).toEqual([]);
  return found.blocks;
}

/** The page's visible text and read-out attributes, without what is marked Russian-only. */
async function textOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    // Russian-only content, names written in their own language (the language switch), people's names.
    const own = document.documentElement.lang;
    // People's names are marked translate="no": a name is no word of any interface language.
    body.querySelectorAll(`[lang]:not([lang="${own}"]), [translate="no"], script, style, noscript`).forEach((el) => el.remove());
    const attributes = [...body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [body.textContent ?? '', ...attributes].join('\n');
  });
}

/** Fails with the Russian lines found, so the report names them. */
async function expectNoRussian(page: Page, russian: RegExp, where: string) {
  const lines = (await textOf(page))
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => russian.test(line));
  expect(lines, `Russian text on ${where}`).toEqual([]);
}

for (const lang of LANGUAGES) {
  test(`the portal's main flow speaks ${lang.code} throughout`, async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('button', { name: lang.button }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoRussian(page, lang.russian, 'the home page');

    await page.goto('/help');
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('.page-loading')).toHaveCount(0);
    await expect(page.locator('.help-popular li').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'the help centre');
    await expectRussianMarked(page, lang.onlyRu, 'the help centre');
    // Every section card says what it holds (no empty cards).
    for (const card of await page.locator('.help-section-card').all()) {
      await expect(card.locator('.help-section-card__count, .help-section-card__children')).toBeVisible();
    }

    // A section, then an article in it: a Russian-only one where the language has any.
    await page.goto('/help/s/terminals');
    await expect(page.locator('.help-articles__item').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'a help section');
    const russianOnly = await expectRussianMarked(page, lang.onlyRu, 'a help section');
    const item =
      russianOnly > 0 ? page.locator('.help-articles__item[data-content-lang="ru"]') : page.locator('.help-articles__item');
    await item.first().locator('a').click();
    await expect(page.locator('.help-article__title')).toBeVisible();
    await expectNoRussian(page, lang.russian, 'a help article');
    await expectRussianMarked(page, lang.onlyRu, 'a help article');
    // The article itself (not only its related ones) says it is Russian only, or is in the reader's language.
    await expect(page.locator('.help-article-page[data-content-lang="ru"]')).toHaveCount(russianOnly > 0 ? 1 : 0);
    await expect(page.locator('.help-article__title')).toHaveAttribute('lang', russianOnly > 0 ? 'ru' : lang.code);
    if (russianOnly > 0)
      await page.screenshot({ path: testInfo.outputPath(`article-russian-only-${lang.code}.png`), fullPage: true });

    // The members' wiki is written in Russian: the list and a page say so.
    await page.goto('/wiki');
    await expect(page.locator('.wiki-list__item').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'the wiki');
    expect(await expectRussianMarked(page, lang.onlyRu, 'the wiki')).toBeGreaterThan(0);
    await page.locator('.wiki-list__title').first().click();
    await expect(page.locator('.wiki-article h1')).toBeVisible();
    await expectNoRussian(page, lang.russian, 'a wiki page');
    expect(await expectRussianMarked(page, lang.onlyRu, 'a wiki page')).toBe(1);
    await page.locator('.wiki-aside').getByRole('link', { name: /./ }).last().click();
    await expect(page.locator('.wiki-history__item').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'a wiki page’s history');
    expect(await expectRussianMarked(page, lang.onlyRu, 'a wiki page’s history')).toBe(1);

    await page.goto('/');
    await page.getByRole('link', { name: lang.contact }).first().click();
    await expect(page).toHaveURL(/\/contact$/);
    await expect(page.locator('.topic-card').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'the contact wizard');

    // Down the catalogue to a leaf's form: topic, sub-topic(s) until a form or its answers show.
    for (let level = 0; level < 4; level++) {
      const cards = page.locator('.topic-card');
      if ((await cards.count()) === 0) break;
      await cards.first().click();
      await page.waitForLoadState('networkidle');
      await expectNoRussian(page, lang.russian, `wizard level ${level + 1}`);
    }
    // The answers offered first (in the reader's language where the article has one), then the form.
    // Either shows once the leaf has loaded: wait for one before looking which (networkidle alone
    // raced the offered answers' query and went on to look for the form).
    const write = page.locator('.offer__continue button');
    await expect(write.or(page.locator('form button[type="submit"]')).first()).toBeVisible();
    if ((await write.count()) > 0) {
      await expectNoRussian(page, lang.russian, 'the answers offered before the form');
      await expectRussianMarked(page, lang.onlyRu, 'the answers offered before the form');
      await write.click();
    }
    const submit = page.locator('form button[type="submit"]').last();
    await expect(submit).toBeVisible();
    await submit.click();
    await expect(page.locator('.field__error').first()).toBeVisible();
    await expectNoRussian(page, lang.russian, 'the form with its errors');
    await page.screenshot({ path: testInfo.outputPath(`portal-${lang.code}.png`), fullPage: true });
  });
}
