import { expect, test, type Page } from '@playwright/test';

// The main portal flow in Ukrainian and in English: home, the help centre, the contact wizard
// down to a form, its errors. Nothing on the page may be Russian, apart from content marked
// Russian-only (`lang="ru"`, e.g. an article that has no translation yet).

const LANGUAGES = [
  // Letters Ukrainian does not have: a Russian word shows at least one of them almost always.
  { code: 'uk', button: 'Українська', russian: /[ЫыЭэЪъЁё]/, contact: 'Звернутися до підтримки' },
  // No Cyrillic at all in English.
  { code: 'en', button: 'English', russian: /[А-Яа-яЁёІіЇїЄєҐґ]/, contact: 'Contact support' },
] as const;

/** The page's visible text and read-out attributes, without what is marked Russian-only. */
async function textOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    // Russian-only content, and names written in their own language (the language switch).
    const own = document.documentElement.lang;
    body.querySelectorAll(`[lang]:not([lang="${own}"]), script, style, noscript`).forEach((el) => el.remove());
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
    await expectNoRussian(page, lang.russian, 'the help centre');

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
