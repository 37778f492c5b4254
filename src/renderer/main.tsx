import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LocaleProvider } from './i18n/locale-context';
import { VaultGate } from './screens/vault/VaultGate';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      {/* Inside the locale, so the gate's screens switch language too. */}
      <VaultGate>
        <App />
      </VaultGate>
    </LocaleProvider>
  </StrictMode>,
);
