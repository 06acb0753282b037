// Pushes contract events to the screens that may see them: the role's allow-list first (the customer display
// never hears of refunds), then the till (a kiosk never sees the counter's sale, nor the counter the kiosk's).
// Every payload is parsed with its contract schema first, like a response at the door (main/app/dispatch.ts).
import { EVENTS, EVENTS_BY_ROLE, type EventMap, type EventName, type WindowRole } from '../../preload/contract.js';
import type { Logger } from '../shared/logger.js';

type Listener = (event: string, payload: unknown) => void;

/** Which sale an event is about, if any; decided by the caller that knows the journal. */
export type SaleOf = <E extends EventName>(event: E, payload: EventMap[E]) => number | undefined;
/** Whether a role's screens belong to the till that owns a sale. */
export type RoleSeesSale = (role: WindowRole, saleId: number) => boolean;

export class EventFanout {
  private readonly listeners = new Set<{ role: WindowRole; listener: Listener }>();

  constructor(private readonly saleOf: SaleOf, private readonly roleSeesSale: RoleSeesSale, private readonly logger: Logger) {}

  subscribe(role: WindowRole, listener: Listener): () => void {
    const entry = { role, listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    const parsed = EVENTS[event].safeParse(payload);
    if (!parsed.success) {
      // A bug in main, not the screen's: nobody hears a payload outside the contract (a field added by mistake is
      // stripped by the parse). The screens catch up from sale:current and payment:live when they next ask.
      const issue = parsed.error.issues[0];
      this.logger.error('event outside its schema, not sent', { event, error: issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'invalid' });
      return;
    }
    const checked = parsed.data as EventMap[E];
    const saleId = this.saleOf(event, checked);
    for (const { role, listener } of this.listeners) {
      if (!EVENTS_BY_ROLE[role].includes(event)) continue;
      if (saleId !== undefined && role !== 'manager' && !this.roleSeesSale(role, saleId)) continue;
      try {
        listener(event, checked);
      } catch (err) {
        // One closed window must not stop the others from hearing about a payment.
        this.logger.warn('event listener threw', { event, role, error: String(err) });
      }
    }
  }
}
