// Products for training mode, so a new user can ring up a sale at once. A shop's own products come from
// catalog.csv in the data folder (sku,gtin,name,price[,tax][,name_latin]). GTIN check digits are computed, never typed. Prepared
// food and drinks are taxed `standard`; the basic groceries at the end are zero-rated (docs/register.md).
import { gs1CheckDigit } from '../scanners/gs1.js';
import type { ProductInput } from '../catalog/product.js';
import type { TaxClass } from '../shared/sales-tax.js';

const ITEMS: Array<[sku: string, body: string, name: string, priceCents: number, taxClass?: TaxClass, nameLatin?: string]> = [
  ['COFFEE-S', '006000100001', 'Coffee, small', 250],
  ['COFFEE-L', '006000100002', 'Coffee, large', 325],
  ['LATTE', '006000100003', 'Latte', 495],
  ['BUBBLE-TEA', '006000100004', 'Bubble tea', 625],
  ['GREEN-TEA', '006000100005', 'Green tea', 275],
  ['CROISSANT', '006000100006', 'Croissant', 375],
  ['MUFFIN', '006000100007', 'Blueberry muffin', 325],
  ['DUMPLINGS', '006000100008', 'Pork dumplings (8)', 895],
  ['BAO', '006000100009', 'Steamed bao', 450],
  ['WATER', '006000100010', 'Spring water 500 mL', 199],
  ['SANDWICH', '006000100011', 'Ham and cheese sandwich', 795],
  ['COOKIE', '006000100012', 'Maple cookie', 150],
  ['MILK', '006000100013', 'Milk 2% 1 L', 289, 'zero-rated'],
  ['RICE', '006000100014', 'Jasmine rice 2 kg', 799, 'zero-rated'],
  // A Chinese name with its transliteration: on a printer without CJK the receipt prints "Longjing cha" (docs/printing.md).
  ['LONGJING', '006000100015', '龙井茶', 550, 'standard', 'Longjing cha'],
];

export function demoProducts(): ProductInput[] {
  return ITEMS.map(([sku, body, name, priceCents, taxClass = 'standard', nameLatin]) => ({ sku, gtin: `${body}${gs1CheckDigit(body)}`, name, priceCents, taxClass, ...(nameLatin ? { nameLatin } : {}) }));
}
