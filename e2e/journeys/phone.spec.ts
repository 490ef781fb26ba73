import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

// The customer portal on a phone: the consultant's round corner button floats over the page, so
// the page must end with room for it. Scrolled to the bottom, an article's last paragraph, the
// wizard's «Отправить обращение» and the footer's last line are out from under it and take a tap
// at their centre; while a field has focus (keyboard up) the button steps aside; it stays
// reachable by touch and by keyboard. Screenshots at 390×844 and 360×740.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Scrolls to the end of the page, again until it stays there (a lazy page may still grow). */
async function scrollToBottom(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const root = document.documentElement;
        window.scrollTo(0, root.scrollHeight);
        return Math.ceil(window.scrollY + window.innerHeight) >= root.scrollHeight;
      }),
    )
    .toBe(true);
}

/** The target is on screen, clear of the consultant's button, and a tap at its centre reaches it. */
async function expectUncovered(page: Page, target: Locator) {
  const toggle = page.getByRole('button', { name: 'Консультант' });
  await expect(toggle).toBeVisible();
  const button = (await toggle.boundingBox())!;
  const box = (await target.boundingBox())!;
  expect(box.y + box.height, 'on screen').toBeLessThanOrEqual(page.viewportSize()!.height);
  expect(overlaps(box, button), `clear of the consultant button at ${JSON.stringify(button)}: ${JSON.stringify(box)}`).toBe(
    false,
  );
  const hit = await target.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const found = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return found !== null && element.contains(found);
  });
  expect(hit, 'a tap at its centre reaches it').toBe(true);
}

/** At the bottom of the page nothing of it, the footer's lines included, sits in the button's row. */
async function expectPageEndsAboveButton(page: Page) {
  await scrollToBottom(page);
  const button = (await page.getByRole('button', { name: 'Консультант' }).boundingBox())!;
  const footer = (await page.locator('.site-footer__inner').boundingBox())!;
  expect(footer.y + footer.height, "the footer's last line ends above the button").toBeLessThanOrEqual(button.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test('an article scrolled to the end: its last paragraph and the footer are not under the consultant, which still opens', async ({
  page,
}, testInfo) => {
  await page.goto('/help/terminal-no-receipt');
  await expect(page.getByRole('heading', { level: 1, name: 'Терминал не выдал чек' })).toBeVisible();
  await expectPageEndsAboveButton(page);
  await expectUncovered(page, page.locator('main p').last());
  await expectUncovered(page, page.getByRole('contentinfo').getByRole('link').last());
  await page.screenshot({ path: testInfo.outputPath('article-bottom-390.png') });

  // Still reachable there: a tap opens the panel, Escape closes it and gives focus back.
  const toggle = page.getByRole('button', { name: 'Консультант' });
  await toggle.tap();
  const dialog = page.getByRole('dialog', { name: 'Виртуальный консультант' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Ваш вопрос консультанту' })).toBeFocused();
  // The consultant's own field does not hide the consultant.
  await expect(dialog.getByRole('button', { name: 'Закрыть консультанта' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('consultant-open-390.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('the wizard form scrolled to the end: «Отправить обращение» is not under the consultant; the button steps aside while typing', async ({
  page,
}, testInfo) => {
  await page.goto('/contact/wallet/wallet-access/wallet-login-problem?step=form');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход и пароль — не получается войти в кошелёк' })).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Консультант' });
  const send = page.getByRole('button', { name: 'Отправить обращение' });
  await expectPageEndsAboveButton(page);
  await expectUncovered(page, send);
  await expectUncovered(page, page.locator('main p').last());
  await page.screenshot({ path: testInfo.outputPath('wizard-bottom-390.png') });

  // A field in focus brings up the keyboard: the button gives way, between fields too, and comes
  // back when typing ends.
  const problem = page.getByLabel('Опишите проблему');
  await problem.tap();
  await expect(problem).toBeFocused();
  await expect(toggle).toBeHidden();
  await page.getByRole('textbox', { name: /Электронная почта/ }).focus();
  await expect(toggle).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('wizard-typing-390.png') });
  await page.getByRole('radio', { name: /Ответ на e-mail/ }).focus();
  await expect(toggle).toBeVisible();

  // Reachable by keyboard from the end of the page, with a visible focus ring.
  await page.getByRole('contentinfo').getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

test('on a 360×740 phone the payment check, its answer and the sign-in page end clear of the consultant', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/payments/check');
  await expect(page.getByRole('heading', { level: 1, name: 'Проверить платёж' })).toBeVisible();
  await page.getByLabel('Номер чека').fill('100000000999');
  await page.getByLabel('Время платежа').fill('10:15');
  await page.getByLabel('Сумма').fill('700');
  await page.getByLabel('Телефон или счёт получателя').fill('+7 916 123-45-67');
  await expect(page.getByRole('button', { name: 'Консультант' })).toBeHidden();
  await page.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Платёж не найден' })).toBeVisible();
  await expectPageEndsAboveButton(page);
  await expectUncovered(page, page.getByRole('button', { name: 'Проверить другой платёж' }));
  await page.screenshot({ path: testInfo.outputPath('payment-not-found-bottom-360.png') });

  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в личный кабинет' })).toBeVisible();
  await expectPageEndsAboveButton(page);
  await expectUncovered(page, page.getByRole('link', { name: 'Вернуться на главную' }));
  await page.screenshot({ path: testInfo.outputPath('login-bottom-360.png') });
});
