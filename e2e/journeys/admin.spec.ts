import { expect, test } from '@playwright/test';

// The admin journey: an administrator adds a select field to a leaf's form in the form builder,
// sees the builder's validation and the live preview, publishes version 2, and the customer's form
// on the portal shows the new field at once.

const LEAF_URL = '/contact/feedback/feedback-thanks?step=form';

test('an admin adds a select field to a form, previews it, publishes version 2, and the portal shows it', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/console/admin');
  await expect(page).toHaveURL(/\/console\/login\?next=%2Fconsole%2Fadmin$/);
  await page.getByLabel('Рабочая электронная почта').fill('admin@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-admin');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Администрирование' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы администрирования' }).getByRole('link')).toHaveText([
    'Каталог обращений',
    'Отделы',
    'Сотрудники',
    'SLA',
    'Шаблоны ответов',
    'Исходящая почта',
    'Вики: модерация',
    'Уведомления',
    'Контакты и оформление',
    'Синонимы поиска',
    'Почтовые ящики',
    'Проверки платежей',
  ]);

  // The leaf "Предложения и благодарности › Благодарность" and its published form.
  const tree = page.getByRole('navigation', { name: 'Дерево категорий' });
  await tree.getByRole('button', { name: 'Благодарность', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Благодарность' })).toBeVisible();
  await expect(page.getByTestId('form-version')).toHaveText('Версия 1');
  const preview = page.getByTestId('form-preview');
  await expect(preview.getByLabel('Ваша благодарность')).toBeVisible();
  const publish = page.getByRole('button', { name: 'Опубликовать новую версию' });
  await expect(publish).toBeDisabled();

  // A new select field starts with problems, shown next to the inputs they name.
  await page.getByLabel('Тип нового поля').selectOption({ label: 'Выбор из списка' });
  await page.getByRole('button', { name: 'Добавить поле' }).click();
  const field = page.getByTestId('field-editor-3');
  await expect(page.getByTestId('form-check')).toHaveText(/^Ошибок в форме: 6\./);
  await expect(field.getByLabel('Подпись (украинский)')).toHaveAttribute('aria-invalid', 'true');
  await expect(field.locator('.field__error').first()).toHaveText('Заполните это поле');
  await expect(preview).toContainText('Поля с ошибками и зависящие от них не показаны: 1.');
  await expect(publish).toBeDisabled();
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('admin-builder-errors.png') });

  // A repeated key is named at the key input.
  await field.getByLabel('Ключ').fill('employee');
  await expect(field.getByText('Ключ «employee» уже есть у поля выше')).toBeVisible();

  await field.getByLabel('Ключ').fill('contact_way');
  await field.getByLabel('Подпись (русский)').fill('Удобный способ связи');
  await field.getByLabel('Подпись (украинский)').fill('Зручний спосіб зв’язку');
  await field.getByLabel('Подпись (английский)').fill('Preferred way to reach you');
  await field.getByLabel('Значение 1').fill('phone');
  await field.getByLabel('Текст варианта 1 (русский)').fill('По телефону');
  await field.getByLabel('Текст варианта 1 (украинский)').fill('Телефоном');
  await field.getByLabel('Текст варианта 1 (английский)').fill('By phone');
  await field.getByRole('button', { name: 'Добавить вариант' }).click();
  await field.getByLabel('Значение 2').fill('email');
  await field.getByLabel('Текст варианта 2 (русский)').fill('По электронной почте');
  await field.getByLabel('Текст варианта 2 (украинский)').fill('Електронною поштою');
  await field.getByLabel('Текст варианта 2 (английский)').fill('By e-mail');
  await field.getByLabel('Обязательное').check();
  await expect(page.getByTestId('form-check')).toHaveText('Форма без ошибок');

  // The live preview draws the field as the customer will see it, and checks it the same way.
  const select = preview.getByLabel('Удобный способ связи');
  await expect(select).toBeVisible();
  await expect(select.locator('option')).toHaveText(['Выберите…', 'По телефону', 'По электронной почте']);
  await preview.getByRole('button', { name: 'Проверить заполнение' }).click();
  await expect(preview.locator('#f-contact_way-error')).toHaveText('Заполните это поле');
  await select.selectOption('email');
  await expect(preview.locator('#f-contact_way-error')).toHaveCount(0);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('admin-preview.png') });

  // Publish: version 2, in force at once; earlier requests keep their version.
  await expect(publish).toBeEnabled();
  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/catalog/admin/nodes/') && r.request().method() === 'PUT');
  await publish.click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Опубликована версия 2.' })).toContainText(
    'обращения, поданные раньше, сохраняют свою версию формы',
  );
  await expect(page.getByTestId('form-version')).toHaveText('Версия 2');
  await page.screenshot({ path: testInfo.outputPath('admin-published.png') });

  // The portal's form of that leaf shows the new field, for a guest in a fresh browser context.
  const guest = await browser.newContext({ locale: 'ru-RU' });
  const portal = await guest.newPage();
  await portal.goto(LEAF_URL);
  await expect(portal.getByRole('heading', { level: 1, name: 'Благодарность' })).toBeVisible();
  const portalSelect = portal.getByLabel('Удобный способ связи');
  await expect(portalSelect).toBeVisible();
  await expect(portalSelect.locator('option')).toHaveText(['Выберите…', 'По телефону', 'По электронной почте']);
  await portal.screenshot({ path: testInfo.outputPath('portal-new-field.png'), fullPage: true });
  await guest.close();
});

test('a supervisor reads the admin section without edit controls', async ({ page }) => {
  await page.goto('/console/login?next=/console/admin/sla');
  await page.getByLabel('Рабочая электронная почта').fill('supervisor@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-supervisor');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console\/admin\/sla$/);
  await expect(page.getByText('Только просмотр')).toBeVisible();
  await expect(page.getByRole('cell', { name: '5 раб. дн.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Изменить политику standard' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Сохранить календарь' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Каталог обращений' }).click();
  await expect(page.getByText('Супервизоры видят только активные категории и их формы.')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Дерево категорий' })
    .getByRole('button', { name: 'Предложение', exact: true })
    .click();
  await expect(page.getByTestId('form-preview').getByLabel('Тема')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Опубликовать новую версию' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Добавить категорию' })).toHaveCount(0);

  // Supervisors moderate the wiki: that tab is theirs to act on, so it is not marked read-only.
  await page.getByRole('link', { name: 'Вики: модерация' }).click();
  await expect(page.getByText('Изменения действуют сразу, перезапуск не нужен.')).toBeVisible();
  await expect(page.getByText('Только просмотр')).toHaveCount(0);
});
