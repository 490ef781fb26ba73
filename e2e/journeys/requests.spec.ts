import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// The requests journeys: a guest files a terminal payment with a receipt scan and confirms it
// from the mail; a customer files, follows, answers, solves, and takes a request out of the archive.

const MAIL_API = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? '3101'}/messages`;

// A valid 1×1 PNG: the server checks uploads by their bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Mail = { to: string; subject: string; text: string; html: string; createdAt: string };

/** Waits for a mail to `to` whose text matches `pattern`; returns the first match. */
async function waitForMailLink(page: Page, to: string, pattern: RegExp): Promise<string> {
  let found: string | null = null;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${MAIL_API}?to=${encodeURIComponent(to)}`);
        const { items } = (await response.json()) as { items: Mail[] };
        for (const mail of items) {
          const match = pattern.exec(mail.text) ?? pattern.exec(mail.html);
          if (match) {
            found = match[0];
            return true;
          }
        }
        return false;
      },
      { timeout: 20_000, message: `a mail to ${to} matching ${pattern}` },
    )
    .toBe(true);
  const url = new URL(found ?? '', 'http://localhost');
  return url.pathname + url.search;
}

/** "YYYY-MM-DDTHH:mm" of an hour ago, in the browser's local time (a datetime-local value). */
function anHourAgo(): string {
  const d = new Date(Date.now() - 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('a guest files a terminal payment with the receipt and confirms it from the mail', async ({ page }, testInfo) => {
  const email = `guest-${Date.now()}@example.com`;

  await page.goto('/');
  await page.getByRole('link', { name: 'Обратиться в поддержку' }).first().click();
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Обращение в службу поддержки' })).toBeVisible();
  await page.getByRole('link', { name: /^Терминалы/ }).click();
  await page.getByRole('link', { name: /^Платёж через терминал не дошёл/ }).click();
  await expect(page).toHaveURL(/\/contact\/terminals\/terminal-payment-not-arrived$/);
  await page.screenshot({ path: testInfo.outputPath('wizard-level.png'), fullPage: true });

  // Back and forward follow the levels.
  await page.goBack();
  await expect(page.getByRole('link', { name: /^Платёж через терминал не дошёл/ })).toBeVisible();
  await page.goForward();
  await page.getByRole('link', { name: /^Чек сохранился/ }).click();

  // The payment check first (issue 18; its own journey is payments.spec.ts); skipped here.
  await expect(page.getByRole('heading', { level: 1, name: 'Сначала проверьте платёж' })).toBeVisible();
  await page.getByRole('button', { name: 'Пропустить проверку' }).click();

  // Then the answers offered.
  await expect(page.getByRole('heading', { level: 1, name: 'Возможно, ответ уже есть' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Как проверить статус платежа на терминале' })).toBeVisible();
  await page.getByRole('button', { name: 'Читать ответ' }).first().click();
  await expect(page.getByRole('button', { name: 'Свернуть' })).toBeVisible();
  await page.getByLabel('Кратко опишите вопрос').fill('Платёж через терминал не дошёл');
  await page.screenshot({ path: testInfo.outputPath('wizard-offer.png'), fullPage: true });
  await page.getByRole('button', { name: 'Нет, написать в поддержку' }).click();

  // Submitting empty shows the errors next to the fields, in Russian.
  await expect(page.getByRole('heading', { level: 1, name: 'Платёж через терминал не дошёл — чек сохранился' })).toBeVisible();
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  const receiptField = page.locator('.field', { has: page.getByLabel('Номер чека') });
  await expect(receiptField.locator('.field__error')).toHaveText('Заполните это поле');
  await expect(page.getByLabel('Дата и время платежа')).toBeFocused();
  await page.getByLabel('Номер чека').fill('№');
  await page.getByLabel('Номер чека').blur();
  await expect(receiptField.locator('.field__error')).toContainText('Номер чека — от 4 до 30');
  await page.screenshot({ path: testInfo.outputPath('form-errors.png'), fullPage: true });

  await page.getByLabel('Дата и время платежа').fill(anHourAgo());
  await page.getByRole('textbox', { name: 'Сумма', exact: true }).fill('500');
  await page.getByLabel('Что оплачивали').fill('Пополнение кошелька');
  await page.getByLabel('Номер телефона или счёта получателя').fill('+7 900 111-22-33');
  await page.getByLabel('Номер чека').fill('1234567');
  await page.getByLabel('Скан или фото чека').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('list', { name: 'Выбранные файлы' })).toContainText('receipt.png');
  await page.getByLabel('Телефон для связи').fill('+7 900 123-45-67');
  await page.getByLabel('Опишите проблему').fill('Внёс 500 рублей, терминал выдал чек, но деньги не пришли.');
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Как к вам обращаться').fill('Гость Тестовый');

  // A double click files one request.
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/tickets')) posts += 1;
  });
  const filed = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Отправить обращение' }).dblclick();
  expect((await filed).status()).toBe(201);

  await expect(page.getByRole('heading', { name: 'Осталось подтвердить обращение' })).toBeVisible();
  expect(posts).toBe(1);
  const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
  expect(number).toMatch(/^PD-\d+$/);
  await expect(page.getByText('Ожидаемый срок ответа:')).toBeVisible();
  await expect(page.getByTestId('ticket-expected')).toHaveText(/\d{4} г\. в \d{1,2}:\d{2}/);
  await expect(page.getByText(`Мы отправили ссылку для подтверждения на ${email}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('confirmation.png'), fullPage: true });

  // The link from the mail confirms the request and opens it with the tracking token.
  const link = await waitForMailLink(page, email, /https?:\/\/[^\s"<>]+\/requests\/confirm\?token=[\w-]+/);
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/requests/${number}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
  await expect(page.getByText('Спасибо! Обращение подтверждено')).toBeVisible();
  await expect(page.locator('.status')).toHaveText('Новое');
  await expect(page.getByRole('button', { name: 'Скачать receipt.png' }).first()).toBeVisible();
  expect(await page.evaluate((n) => window.localStorage.getItem(`paydesk.tracking.${n}`), number)).toBeTruthy();
  await page.screenshot({ path: testInfo.outputPath('request-page-guest.png'), fullPage: true });

  // The attachment downloads through the Bearer token.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать receipt.png' }).first().click();
  expect((await download).suggestedFilename()).toBe('receipt.png');

  // The same link again: already confirmed.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Обращение уже подтверждено' })).toBeVisible();
});

test('a customer files, answers, solves, and takes the request out of the archive', async ({ page }, testInfo) => {
  await page.goto('/requests');
  await expect(page).toHaveURL(/\/login\?next=%2Frequests|\/login\?next=\/requests/);
  await page.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-customer');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Мои обращения' })).toBeVisible();

  await page.getByRole('link', { name: 'Новое обращение' }).click();
  await page.getByRole('link', { name: /^Предложения и благодарности/ }).click();
  await page.getByRole('link', { name: /^Предложение/ }).click();
  await page.getByRole('button', { name: 'Нет, написать в поддержку' }).click();
  await expect(page.getByText('Ответ получит:')).toBeVisible();
  await expect(page.getByText('customer@paydesk.local')).toBeVisible();
  await page.getByLabel('Тема обращения').fill('Уведомления о платежах в терминалах');
  await page.getByRole('combobox', { name: 'Тема', exact: true }).selectOption({ label: 'Терминалы' });
  await page.getByLabel('Ваше предложение').fill('Присылайте SMS, когда платёж через терминал зачислен.');
  await page.getByRole('button', { name: 'Отправить обращение' }).click();

  await expect(page.getByRole('heading', { name: 'Обращение зарегистрировано' })).toBeVisible();
  const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
  expect(number).toMatch(/^PD-\d+$/);
  await expect(page.getByTestId('ticket-expected')).not.toBeEmpty();
  await page.screenshot({ path: testInfo.outputPath('confirmation-customer.png'), fullPage: true });

  // Opened from "My requests".
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Мои обращения' }).click();
  const row = page.getByRole('link', { name: new RegExp(number) });
  await expect(row).toContainText('Уведомления о платежах в терминалах');
  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);

  // A reply.
  await page.getByLabel('Текст сообщения').fill('Дополню: хорошо бы и push-уведомления.');
  await page.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(page.locator('.message--customer', { hasText: 'push-уведомления' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('request-page-customer.png'), fullPage: true });

  // Solved: into the archive.
  await page.getByRole('button', { name: 'Вопрос решён' }).click();
  await expect(page.getByRole('button', { name: 'Вернуть из архива' })).toBeVisible();
  await page.getByRole('link', { name: 'Мои обращения' }).first().click();
  await page.getByRole('link', { name: 'Архив' }).click();
  await expect(page).toHaveURL(/\/requests\?tab=archive$/);
  await page.getByRole('link', { name: new RegExp(number) }).click();

  // Taken out of the archive with a message: active again.
  await page.getByRole('button', { name: 'Вернуть из архива' }).click();
  await page.getByRole('button', { name: 'Вернуть обращение' }).click();
  await expect(page.getByText('Напишите, что осталось нерешённым.')).toBeVisible();
  await page.getByLabel('Что осталось нерешённым?').fill('Вопрос снова актуален: уведомлений всё ещё нет.');
  await page.getByRole('button', { name: 'Вернуть обращение' }).click();
  await expect(page.locator('.status')).toHaveText('Возобновлено');
  await expect(page.locator('.message--customer', { hasText: 'Вопрос снова актуален' })).toBeVisible();

  await page.getByRole('link', { name: 'Мои обращения' }).first().click();
  await expect(page.getByRole('link', { name: 'Активные' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: new RegExp(number) })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('my-requests.png'), fullPage: true });
});

test('a phone-sized screen shows the form and the request without sideways scrolling', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/contact/wallet/wallet-access/wallet-login-problem?step=form');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход и пароль — не получается войти в кошелёк' })).toBeVisible();
  await page
    .getByLabel('Скриншоты')
    .setInputFiles({ name: 'a-very-long-screenshot-name-from-a-phone-2025-05-12.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page.locator('.field__error').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath('phone-form.png'), fullPage: true });
});

test('a signed-in customer finds their wallet number already in a wallet form; a guest does not', async ({ page }, testInfo) => {
  const form = '/contact/wallet/wallet-access/wallet-login-problem?step=form';
  await page.goto(form);
  const wallet = page.getByRole('textbox', { name: /Номер кошелька/ });
  await expect(wallet).toBeVisible();
  await expect(wallet).toHaveValue('');

  await page.goto(`/login?next=${encodeURIComponent(form)}`);
  await page.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-customer');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/step=form$/);
  // The demo customer's wallet (the payment core's demo adapter), as people read phone numbers.
  await expect(wallet).toHaveValue('+7 900 123-45-67');
  await page.screenshot({ path: testInfo.outputPath('wallet-prefilled.png'), fullPage: true });
  // Still the customer's to change.
  await wallet.fill('+7 900 765-43-21');
  await expect(wallet).toHaveValue('+7 900 765-43-21');
  // One wallet: nothing to choose from.
  await expect(page.getByRole('group', { name: 'Ваши кошельки:' })).toHaveCount(0);
});

test('a customer with two wallets gets the first in the form and picks the other with one tap', async ({ page }, testInfo) => {
  const form = '/contact/wallet/wallet-access/wallet-login-problem?step=form';
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/login?next=${encodeURIComponent(form)}`);
  await page.getByLabel('Электронная почта или телефон').fill('priority@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-priority');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/step=form$/);
  const wallet = page.getByRole('textbox', { name: /Номер кошелька/ });
  await expect(wallet).toHaveValue('+7 900 765-43-21');
  const choices = page.getByRole('group', { name: 'Ваши кошельки:' });
  await expect(choices.getByRole('button', { name: '+7 900 765-43-21' })).toHaveAttribute('aria-pressed', 'true');
  await choices.getByRole('button', { name: '+7 926 111-22-33' }).click();
  await expect(wallet).toHaveValue('+7 926 111-22-33');
  await expect(choices.getByRole('button', { name: '+7 926 111-22-33' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('wallet-choices-390.png'), fullPage: true });
});
