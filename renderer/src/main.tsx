import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './grid/setup.ts';
import './styles/app.css';
import { App } from './app/App.tsx';
import { CoreBanner } from './host/CoreBanner.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoreBanner />
    <App />
  </StrictMode>,
);
