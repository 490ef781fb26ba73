import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query';
import { SessionProvider } from './api/session';
import { I18nProvider } from './i18n/I18nProvider';
import { createAppRouter } from './routes';
import './ui/styles.css';
import './ui/requests.css';
import './ui/console.css';
import './ui/console-workspace.css';
import './ui/admin.css';
import './ui/wiki-notices.css';
import './ui/help.css';
import './ui/consultant.css';
import './ui/payments.css';

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
