import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// Temporary (not committed): screenshots of the screens whose fields moved onto web/ui/fields.
const OUT = '/tmp/webforms-shots';
test.use({ viewport: { width: 1366, height: 900 } });

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/console/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '.')));
}

test('shots: supervisor screens', async ({ page }) => {
  await signIn(page, 'supervisor@paydesk.local', 'demo-supervisor', '/console/audit');
  await expect(page.getByLabel('Действие')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/audit.png` });
  await page.goto('/console/queues/all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByLabel('Статус').selectOption({ index: 1 });
  await page.screenshot({ path: `${OUT}/queue-filters.png` });
  await page.goto('/console/queues/all');
  await page.getByTestId('queue-row').first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${OUT}/workspace.png`, fullPage: true });
  await page.getByRole('button', { name: 'Передать в отдел' }).click();
  const transfer = page.getByRole('dialog', { name: 'Передать в отдел' });
  await transfer.getByRole('button', { name: 'Передать в отдел' }).click();
  await expect(transfer.getByText('Выберите отдел.')).toBeVisible();
  await page.screenshot({ path: `${OUT}/transfer-dialog.png` });
  await page.keyboard.press('Escape');
  await page.goto('/console/kb/unanswered');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/unanswered.png` });
});

test('shots: admin screens', async ({ page }) => {
  await signIn(page, 'admin@paydesk.local', 'demo-admin', '/console/kb/new');
  await expect(page.getByLabel('Заголовок')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/kb-editor.png`, fullPage: true });
  await page.goto('/console/admin/sla');
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${OUT}/sla.png`, fullPage: true });
  await page.goto('/console/admin');
  const tree = page.getByRole('navigation', { name: 'Дерево категорий' });
  await tree.getByRole('button', { name: 'Благодарность', exact: true }).click();
  await page.getByLabel('Тип нового поля').selectOption({ label: 'Выбор из списка' });
  await page.getByRole('button', { name: 'Добавить поле' }).click();
  await page.getByTestId('field-editor-3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/form-builder.png` });
  await page.getByTestId('field-editor-3').locator('..').locator('..').screenshot({ path: `${OUT}/form-builder-field.png` }).catch(() => undefined);
  await page.goto('/console/admin/mailboxes');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/mailboxes.png`, fullPage: true });
});
