import { expect, test } from '@playwright/test';

// Mailboxes: an administrator sees the demo mailboxes, adds one with IMAP settings (the form checks
// its fields first), and the new mailbox is listed with its settings, the password not shown.

test('an admin lists the mailboxes and adds one with IMAP polling', async ({ page }) => {
  await page.goto('/console/admin/mailboxes');
  await page.getByLabel('Рабочая электронная почта').fill('admin@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-admin');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console\/admin\/mailboxes$/);
  for (const address of ['support@paydesk.local', 'terminals@paydesk.local', 'security@paydesk.local', 'agents@paydesk.local'])
    await expect(page.getByTestId(`mailbox-${address}`)).toBeVisible();
  await expect(page.getByTestId('mailbox-support@paydesk.local')).toContainText('Определять по содержанию');

  const form = page.getByTestId('mailbox-new');
  await form.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(form.getByText('Укажите отдел или категорию')).toBeVisible();
  await form.getByLabel('Адрес').fill('claims@paydesk.local');
  await form.getByLabel('Название').fill('Претензии');
  await form.getByLabel('Отдел').selectOption({ label: 'Первая линия' });
  await form.getByLabel('Забирать письма по IMAP').check();
  await form.getByLabel('Сервер').fill('imap.example.test');
  await form.getByLabel('Логин').fill('claims');
  await form.getByLabel('Пароль').fill('imap-secret');
  await page.screenshot({ path: '/tmp/mail-in-mailbox-form.png', fullPage: true });
  await form.getByRole('button', { name: 'Добавить', exact: true }).click();
  const card = page.getByTestId('mailbox-claims@paydesk.local');
  await expect(card).toContainText('claims на imap.example.test, папка INBOX');
  await expect(page.locator('body')).not.toContainText('imap-secret');
  await expect(page.getByTestId('mailbox-new').getByLabel('Адрес')).toHaveValue('');
  await page.screenshot({ path: '/tmp/mail-in-mailboxes.png', fullPage: true });
});
