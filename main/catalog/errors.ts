// Catalog errors with stable codes; CSV import reports them per row instead of throwing.

export type CatalogErrorCode = 'INVALID_SKU' | 'INVALID_GTIN' | 'INVALID_NAME' | 'INVALID_PRICE' | 'DUPLICATE_SKU' | 'DUPLICATE_GTIN' | 'BAD_ROW' | 'INVALID_TAX_CLASS' | 'INVALID_NAME_LATIN';

export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
