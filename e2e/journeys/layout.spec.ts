import { expect, test, type Page } from '@playwright/test';
import { portalAddresses } from './portal-pages';

// Layout and a clean browser console on every portal page (issue 15): each page the router
// serves (e2e/journeys/portal-pages.ts reads them from web/routes.tsx) opened on a 360 px
// phone, as a visitor and as a signed-in customer, must not scroll sideways, and must run
// without a Content-Security-Policy violation, a script error or an error in the console.
// The console must stay usable on a 768 px tablet: the reply's buttons side by side without
// covering one another, and nothing wider than the screen.

type Trouble = { address: string; what: string };

/** Collects CSP violations (reported by the page itself), uncaught errors and console errors. */
async function watch(page: Page, troubles: Trouble[], current: () => string): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') troubles.push({ address: current(), what: message.text() });
  });
  page.on('pageerror', (error) => troubles.push({ address: current(), what: `uncaught: ${error.message}` }));
}

/** Opens the address and waits for its content (not the loading placeholder). */
async function open(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main, [role=main]').first()).toBeVisible();
  await expect(page.locator('.page-loading')).toHaveCount(0);
}

async function walk(page: Page, addresses: string[]): Promise<{ wide: string[]; troubles: Trouble[] }> {
  const troubles: Trouble[] = [];
  let current = '';
  await watch(page, troubles, () => current);
  const wide: string[] = [];
  for (const address of addresses) {
    current = address;
    await open(page, address);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    if (scrollWidth > innerWidth) wide.push(`${address}: ${scrollWidth} px`);
  }
  return { wide, troubles };
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every portal page fits the screen and runs cleanly for a visitor', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const { wide, troubles } = await walk(page, portalAddresses('PD-0000000'));
    await page.goto('/contacts');
    await page.screenshot({ path: testInfo.outputPath('contacts-360.png'), fullPage: true });
    await page.goto('/notices');
    await page.screenshot({ path: testInfo.outputPath('notices-360.png'), fullPage: true });
    expect(wide, 'pages wider than the phone').toEqual([]);
    expect(troubles, 'CSP violations and console errors').toEqual([]);
  });

  test('every portal page fits the screen and runs cleanly for a signed-in customer', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/login');
    await page.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
    await page.getByLabel('Пароль', { exact: true }).fill('demo-customer');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/\/$/);
    const list = (await (await page.request.get('/api/v1/tickets?tab=active')).json()) as { items: Array<{ number: string }> };
    const request = list.items[0]?.number;
    expect(request, 'the demo customer has a request').toBeTruthy();
    const { wide, troubles } = await walk(page, portalAddresses(request as string));
    expect(wide, 'pages wider than the phone').toEqual([]);
    expect(troubles, 'CSP violations and console errors').toEqual([]);
  });
});

test.describe('on a 768 px tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('the console workspace: reply buttons apart, nothing wider than the screen', async ({ page }, testInfo) => {
    await page.goto('/console/login');
    await page.getByLabel('Рабочая электронная почта').fill('operator@paydesk.local');
    await page.getByLabel('Пароль', { exact: true }).fill('demo-operator');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/\/console$/);
    await page.getByTestId('queue-row').filter({ hasText: 'Как включить пакет «Приоритет»?' }).click();
    const composer = page.locator('form.composer');
    await expect(composer).toBeVisible();
    // A chosen file with a long name must not push anything off screen either.
    await page.locator('#composer-files').setInputFiles({
      name: 'скриншот-ошибки-перевода-из-мобильного-приложения-кошелька-2026-12-07.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    });

    const buttons = [
      composer.getByRole('button', { name: 'Шаблоны' }),
      composer.locator('.files__button'),
      composer.getByRole('button', { name: 'Отправить ответ' }),
    ];
    const boxes = [];
    for (const button of buttons) {
      await expect(button).toBeVisible();
      const box = await button.boundingBox();
      if (!box) throw new Error('a composer button has no box');
      boxes.push(box);
    }
    for (const [i, a] of boxes.entries()) {
      for (const [j, b] of boxes.entries()) {
        if (j <= i) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `composer buttons ${i} and ${j} overlap`).toBe(true);
      }
    }
    const widths = await page.evaluate(() => {
      const main = document.querySelector('.console__main') as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
        main: main.scrollWidth,
        mainBox: main.clientWidth,
      };
    });
    expect(widths.page, 'the page scrolls sideways').toBeLessThanOrEqual(widths.screen);
    expect(widths.main, 'the main area scrolls sideways').toBeLessThanOrEqual(widths.mainBox);
    await composer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('workspace-768.png') });
  });
});
