// Every page's entry: the navigation guard, one root, the app provider, the shared stylesheet.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './AppProvider.js';
import { installNavigationGuard } from './navigation-guard.js';
import './styles.css';

export function mount(screen: ReactNode): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('missing #root');
  installNavigationGuard(window);
  createRoot(element).render(
    <StrictMode>
      <AppProvider>{screen}</AppProvider>
    </StrictMode>,
  );
}
