import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { httpSessionApi, Session } from './auth/session';
import { initI18n } from './i18n/i18n';

initI18n();
const session = new Session(httpSessionApi);
// A reload keeps the person signed in: the cookie's refresh token brings a new access token
// before the first screen asks for data.
void session.renew().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
});
