// A card attempt's brand and last 4 as journaled in its `succeeded` transition event (main/payments/card-face.ts):
// only those two fields are read; an attempt paid before they were kept, or a gateway answer without them, has none.
import type { Journal } from './database.js';

export interface JournaledCardFace {
  brand: string | null;
  last4: string | null;
}

export function cardFaceOfAttempt(journal: Journal, attemptId: number): JournaledCardFace | null {
  const row = journal
    .statement(
      `SELECT json_extract(payload, '$.cardBrand') AS brand, json_extract(payload, '$.cardLast4') AS last4 FROM events
        WHERE entity = 'attempt' AND entity_id = ? AND kind = 'attempt.transition' AND json_extract(payload, '$.to') = 'succeeded'
        ORDER BY seq DESC LIMIT 1`,
    )
    .get(String(attemptId)) as { brand: unknown; last4: unknown } | undefined;
  if (!row) return null;
  const brand = typeof row.brand === 'string' && /^[A-Za-z ]{1,20}$/.test(row.brand) ? row.brand : null;
  const last4 = typeof row.last4 === 'string' && /^\d{4}$/.test(row.last4) ? row.last4 : null;
  return brand === null && last4 === null ? null : { brand, last4 };
}
