// The one list of actions that need someone's approval at a screen (a PIN typed at the till, or a manager's session).
// Who may approve which is decided in one place in main (the staff roles); screens and the journal use these names.
export const APPROVAL_ACTIONS = [
  // A payment still being checked is let go, so the sale can be changed or paid another way (payment:override).
  'payment-override',
  // Lines taken below what the customer has already paid.
  'below-paid',
  // A sale with payments is voided: every payment is refunded.
  'void',
  // Money paid above the total is given back.
  'refund-excess',
  // A line or sale discount above the store's threshold.
  'discount',
  // A line's price changed from the catalog's.
  'price-override',
  // Goods coming back, with or without the receipt.
  'refund',
  'return-without-receipt',
  // The drawer opened with no sale.
  'drawer-open',
  // A shift closed with a cash variance above the store's threshold.
  'cash-variance',
  'day-close',
  'settings',
] as const;

export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
