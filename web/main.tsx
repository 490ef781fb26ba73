import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { config as zodConfig } from 'zod/v4/core';
import { queryClient } from './api/query';
import { SessionProvider } from './api/session';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './routes';
import './ui/styles.css';
import './ui/styles-portal-home.css';
import './ui/styles-console.css';
import './ui/requests.css';
import './ui/requests-request-form.css';
import './ui/requests-request-page.css';
import './ui/requests-phones.css';
import './ui/console.css';
import './ui/console-dialogs.css';
import './ui/console-workspace.css';
import './ui/console-workspace-composer.css';
import './ui/console-workspace-smaller-laptops.css';
import './ui/admin.css';
import './ui/admin-panels-cards-tables.css';
import './ui/admin-form-builder.css';
import './ui/admin-staff.css';
import './ui/wiki-notices.css';
import './ui/help.css';
import './ui/consultant.css';
import './ui/payments.css';

// Zod 4 compiles a fast object parser with `new Function` after probing whether eval is
// allowed; our CSP has no 'unsafe-eval', so the probe alone fired a securitypolicyviolation on
// every page that checks a form. jitless skips the probe and the compiled path (same results).
// Set before any schema parses (schemas are only defined while modules load).
zodConfig({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
