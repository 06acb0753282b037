// IOTPay's card-entry SDK (docs/iotpay-api.md §4.3): loaded from the URL main gives (IOTPay itself, or the training
// sandbox's stand-in; PCI forbids bundling it), then `Iotpay(secureId, 'Pay', options).mount(selector, cb)`.
// The card number is typed into IOTPay's iframe and never passes through this app.

/** The callback event: current shape `{result, message, detail}`, older README shape `{retCode, retMsg}`. */
export interface IotpayCallbackEvent {
  result?: string;
  message?: string;
  detail?: unknown;
  retCode?: string;
  retMsg?: string;
}

interface IotpayInstance {
  mount(selector: string, callback: (event: IotpayCallbackEvent) => void): void;
}

declare global {
  interface Window {
    Iotpay?: (secureId: string, mode: 'Pay' | 'Add', options: Record<string, unknown>) => IotpayInstance;
  }
}

export interface CardOutcome {
  succeeded: boolean;
  message: string | null;
}

/** Reads either callback shape. Anything unrecognised counts as not succeeded; main's query has the last word. */
export function cardOutcome(event: IotpayCallbackEvent | null | undefined): CardOutcome {
  if (!event || typeof event !== 'object') return { succeeded: false, message: null };
  if (typeof event.result === 'string') {
    return { succeeded: event.result.toUpperCase() === 'SUCCESS', message: typeof event.message === 'string' ? event.message : null };
  }
  if (typeof event.retCode === 'string') {
    return { succeeded: event.retCode.toUpperCase() === 'SUCCESS', message: typeof event.retMsg === 'string' ? event.retMsg : null };
  }
  return { succeeded: false, message: null };
}

let loading: { url: string; promise: Promise<void> } | null = null;

/** Adds the SDK's <script src> once per URL (a dynamically created element: the CSP allows no inline script). */
export function loadCardScript(url: string): Promise<void> {
  if (loading?.url === url) return loading.promise;
  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      // Forget the failed load so the next card attempt tries again.
      loading = null;
      script.remove();
      reject(new Error(`card form script did not load (${url})`));
    };
    document.head.appendChild(script);
  });
  loading = { url, promise };
  return promise;
}
