// Whether IOTPay is reachable, as last observed. Wallet and card tenders are refused at once while offline
// (a cashier should not wait 30 s for a timeout to learn the network is down); cash keeps working. Any
// answer from the gateway, even a FAIL, proves it is reachable again.
import { GatewayUnavailableError, ResponseLostError } from '../iotpay/errors.js';
import type { PaymentEventBus } from './payment-events.js';

export class Connectivity {
  private online = true;
  constructor(private readonly events: PaymentEventBus) {}

  isOnline(): boolean {
    return this.online;
  }

  /** Feed every gateway outcome here: a value or an error. */
  observe(outcome: unknown): void {
    // Only a connection that never opened proves "offline"; a lost response may be one slow request, so it
    // changes nothing. Anything else (a value, a FAIL, a 5xx, a bad body) came from something that answered.
    if (outcome instanceof GatewayUnavailableError) this.set(false);
    else if (!(outcome instanceof ResponseLostError)) this.set(true);
  }

  private set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.events.emit({ type: 'connectivity', online });
  }
}
