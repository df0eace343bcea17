import { describe, expect, it } from 'vitest';
import {
  MINUS,
  currencyDecimals,
  parseLocaleNumber,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPoints,
  formatRange,
  formatRatio,
} from './format.ts';

const locale = 'en-GB';

describe('formatMoney', () => {
  it('writes the currency, thousands separators and a real minus sign', () => {
    expect(formatMoney(1234567, 'EUR', { locale })).toBe('€1,234,567');
    expect(formatMoney(-1234567, 'EUR', { locale })).toBe(`${MINUS}€1,234,567`);
    expect(formatMoney(-1234567, 'EUR', { locale })).not.toContain('-');
  });

  it('is compact where space is tight', () => {
    expect(formatMoney(-1234567, 'EUR', { locale, compact: true })).toBe(`${MINUS}€1.23m`);
    expect(formatMoney(310_000, 'GBP', { locale, compact: true })).toBe('£310k');
    expect(formatMoney(512, 'EUR', { locale, compact: true })).toBe('€512');
  });

  it('signs differences', () => {
    expect(formatMoney(310_000, 'EUR', { locale, compact: true, signed: true })).toBe('+€310k');
    expect(formatMoney(-5, 'EUR', { locale, signed: true })).toBe(`${MINUS}€5`);
    expect(formatMoney(0, 'EUR', { locale, signed: true })).toBe('€0');
  });

  it('follows the scenario currency and the locale', () => {
    expect(formatMoney(1500, 'USD', { locale: 'en-US' })).toBe('$1,500');
    expect(formatMoney(1500, 'EUR', { locale: 'de-DE' })).toBe('1.500\u00a0€');
  });

  it('never shows a negative zero', () => {
    expect(formatMoney(-0, 'EUR', { locale })).toBe('€0');
    expect(formatMoney(-0.2, 'EUR', { locale })).toBe('€0');
    expect(formatNumber(-0.001, { locale, decimals: 2 })).toBe('0.00');
  });

  it('shows a dash for numbers that are not finite', () => {
    expect(formatMoney(NaN, 'EUR', { locale })).toBe('—');
  });
});

describe('other formats', () => {
  it('numbers, shares and points', () => {
    expect(formatNumber(401234.4, { locale })).toBe('401,234');
    expect(formatNumber(-0.25, { locale, decimals: 2 })).toBe(`${MINUS}0.25`);
    expect(formatNumber(0.5, { locale, maxDecimals: 2 })).toBe('0.5');
    expect(formatPercent(0.8537, { locale, decimals: 1 })).toBe('85.4%');
    expect(formatPoints(0.0123, { locale })).toBe('+1.2 pp');
    expect(formatPoints(-0.0123, { locale })).toBe(`${MINUS}1.2 pp`);
  });

  it('payback months, or why there is none', () => {
    expect(formatMonth(13.4)).toBe('month 14');
    expect(formatMonth(null)).toBe('not within horizon');
  });

  it('ranges and ratios', () => {
    expect(formatRange(1, null, (v) => String(v), 'never')).toBe('1 to never');
    expect(formatRatio(0.35, 'n/a', { locale })).toBe('35%');
    expect(formatRatio(null, 'no investment')).toBe('no investment');
  });
});

describe('chart helpers', () => {
  it('tick decimals follow the tick step', async () => {
    const { decimalsForStep, niceFloor, histogramBins } = await import('./charts/builders.ts');
    expect(decimalsForStep(0.05)).toBe(2);
    expect(decimalsForStep(0.5)).toBe(1);
    expect(decimalsForStep(0.002)).toBe(3);
    expect(decimalsForStep(5)).toBe(0);
    expect(niceFloor(188_123_456, 6_000_000)).toBe(188_000_000);
    const { counts, centres } = histogramBins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(centres).toHaveLength(counts.length);
  });
});

describe('currencies and typed numbers', () => {
  it('knows how many decimals a currency is written with', () => {
    expect(currencyDecimals('EUR', locale)).toBe(2);
    expect(currencyDecimals('JPY', locale)).toBe(0);
    expect(currencyDecimals('BHD', locale)).toBe(3);
    expect(formatMoney(25.71, 'JPY', { locale, decimals: currencyDecimals('JPY') })).toBe('JP¥26');
  });

  it('reads numbers as the locale writes them', () => {
    expect(parseLocaleNumber('120,000', 'en-GB')).toBe(120000);
    expect(parseLocaleNumber(' 1 234,5 ', 'fr-FR')).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5', 'de-DE')).toBe(1234.5);
    expect(parseLocaleNumber(`${MINUS}3.5`, 'en-GB')).toBe(-3.5);
    expect(parseLocaleNumber('12abc', 'en-GB')).toBeNaN();
    expect(parseLocaleNumber('', 'en-GB')).toBeNaN();
  });
});
