// The screens attached to the terminal, and keeping the customer display on the secondary one as screens come
// and go (a customer display unplugged and plugged back in at runtime).
import { screen, type BrowserWindow } from 'electron';
import { placeCustomerDisplay, type CustomerDisplayPlacement } from './window-options.js';

export function currentCustomerDisplayPlacement(): CustomerDisplayPlacement {
  const displays = screen.getAllDisplays().map((display) => ({ id: display.id, bounds: display.bounds }));
  return placeCustomerDisplay(displays, screen.getPrimaryDisplay().id);
}

export function applyPlacement(window: BrowserWindow, placement: CustomerDisplayPlacement): void {
  if (window.isDestroyed()) return;
  // Leave full screen first: a full-screen window cannot be moved to another display.
  window.setFullScreen(false);
  if (placement.kind === 'secondary-display') {
    window.setBounds(placement.bounds);
    window.setFullScreen(true);
  } else {
    window.setSize(placement.width, placement.height);
    window.center();
  }
}

/** Calls onChange whenever a display is added, removed or resized; returns the unsubscribe. */
export function watchDisplays(onChange: () => void): () => void {
  screen.on('display-added', onChange);
  screen.on('display-removed', onChange);
  screen.on('display-metrics-changed', onChange);
  return () => {
    screen.removeListener('display-added', onChange);
    screen.removeListener('display-removed', onChange);
    screen.removeListener('display-metrics-changed', onChange);
  };
}
