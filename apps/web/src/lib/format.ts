/**
 * Numbers as finance reads them: the scenario's currency, thousands separators, a real minus sign
 * (U+2212, which no one mistakes for a hyphen), compact forms (€1.2m) where space is tight, and
 * signed deltas (+€310k). Every function takes an optional locale; the app uses the browser's.
 */

export const MINUS = '\u2212';

let defaultLocale: string | undefined;

/** The browser's locale (en-GB outside a browser). */
export function appLocale(): string {
  if (defaultLocale === undefined) {
    defaultLocale =
      typeof navigator !== 'undefined' && navigator.languages?.[0]
        ? navigator.languages[0]
        : 'en-GB';
    try {
      new Intl.NumberFormat(defaultLocale);
    } catch {
      defaultLocale = 'en-GB';
    }
  }
  return defaultLocale;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Replaces the ASCII hyphen-minus Intl puts before negative numbers with a real minus sign. */
function minus(text: string): string {
  return text.replace(/-/g, MINUS);
}

const DASH = '—';

/**
 * signDisplay 'negative' (Intl.NumberFormat v3, in every current browser and Node ≥ 20): a sign
 * only for negative numbers, so −0 and −0.2 rounded to 0 show as 0, never "−€0". TypeScript's
 * ES2022 library does not list it yet.
 */
const NEGATIVE_ONLY = 'negative' as Intl.NumberFormatOptions['signDisplay'];

export interface FormatOptions {
  locale?: string;
  /** Short form for tight spaces: €1.2M, 35k. */
  compact?: boolean;
  /** Always show the sign (for differences): +€310k, −€1.2M, €0. */
  signed?: boolean;
  /** Digits after the decimal point (default: 0, or 3 significant digits when compact). */
  decimals?: number;
  /** Up to this many digits after the point, fewer when not needed (overrides `decimals`). */
  maxDecimals?: number;
  /** Significant digits in compact form (default 3). */
  significant?: number;
}

/**
 * An amount of money in the scenario's currency.
 *
 * @example
 * formatMoney(-1234567, 'EUR', { locale: 'en-GB' }); // => '−€1,234,567'
 * formatMoney(-1234567, 'EUR', { locale: 'en-GB', compact: true }); // => '−€1.23m'
 */
export function formatMoney(value: number, currency: string, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return DASH;
  const locale = options.locale ?? appLocale();
  const base: Intl.NumberFormatOptions = {
    style: 'currency',
    currency,
    signDisplay: options.signed ? 'exceptZero' : NEGATIVE_ONLY,
  };
  const format = options.compact
    ? nf(locale, {
        ...base,
        notation: 'compact',
        ...(Math.abs(value) < 1000
          ? { maximumFractionDigits: 0 }
          : { maximumSignificantDigits: options.significant ?? 3 }),
      })
    : nf(locale, {
        ...base,
        minimumFractionDigits: options.decimals ?? 0,
        maximumFractionDigits: options.decimals ?? 0,
      });
  return minus(format.format(value));
}

/**
 * A plain number with thousands separators.
 *
 * @example
 * formatNumber(401234.4, { locale: 'en-GB' }); // => '401,234'
 * formatNumber(-0.25, { locale: 'en-GB', decimals: 2 }); // => '−0.25'
 */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return DASH;
  const locale = options.locale ?? appLocale();
  const format = options.compact
    ? nf(locale, {
        notation: 'compact',
        maximumSignificantDigits: 3,
        signDisplay: options.signed ? 'exceptZero' : NEGATIVE_ONLY,
      })
    : nf(locale, {
        minimumFractionDigits: options.maxDecimals !== undefined ? 0 : (options.decimals ?? 0),
        maximumFractionDigits: options.maxDecimals ?? options.decimals ?? 0,
        signDisplay: options.signed ? 'exceptZero' : NEGATIVE_ONLY,
      });
  return minus(format.format(value));
}

/**
 * A share as a percentage.
 *
 * @example
 * formatPercent(0.8537, { locale: 'en-GB', decimals: 1 }); // => '85.4%'
 */
export function formatPercent(share: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(share)) return DASH;
  const locale = options.locale ?? appLocale();
  const digits = options.decimals ?? 1;
  return minus(
    nf(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: options.signed ? 'exceptZero' : NEGATIVE_ONLY,
    }).format(share),
  );
}

/**
 * A difference of two shares in percentage points.
 *
 * @example
 * formatPoints(0.0123, { locale: 'en-GB' }); // => '+1.2 pp'
 */
export function formatPoints(delta: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(delta)) return DASH;
  const locale = options.locale ?? appLocale();
  const digits = options.decimals ?? 1;
  return `${minus(
    nf(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'exceptZero',
    }).format(delta * 100),
  )} pp`;
}

/**
 * A payback month (fractional months from the start), or the reason there is none.
 *
 * @example
 * formatMonth(13.4); // => 'month 14'
 * formatMonth(null); // => 'not within horizon'
 */
export function formatMonth(
  month: number | null | undefined,
  missing = 'not within horizon',
): string {
  if (month === null || month === undefined || !Number.isFinite(month)) return missing;
  return `month ${Math.ceil(month)}`;
}

/** "low to high" with the given formatter, e.g. "−€2.3M to −€1.7M". */
export function formatRange(
  low: number | null | undefined,
  high: number | null | undefined,
  format: (value: number) => string,
  missing = '—',
): string {
  const f = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? missing : format(v);
  return `${f(low)} to ${f(high)}`;
}

/**
 * Digits after the point a currency is written with (EUR 2, JPY 0, BHD 3), from Intl; 2 for a code
 * Intl does not know.
 *
 * @example
 * currencyDecimals('JPY'); // => 0
 */
export function currencyDecimals(currency: string, locale: string = appLocale()): number {
  try {
    return nf(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Whether Intl knows `code` as a currency (a lever unit such as "EUR / month" names one). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a number typed as the locale writes it: group separators (and any white space, an
 * underscore) dropped, the locale's decimal mark read as the point, a typographic minus read as
 * a minus. NaN when what is left is not a plain decimal number.
 *
 * @example
 * parseLocaleNumber('120,000', 'en-GB'); // => 120000
 * parseLocaleNumber('1.234,5', 'de-DE'); // => 1234.5
 */
export function parseLocaleNumber(text: string, locale: string = appLocale()): number {
  const parts = nf(locale, { useGrouping: true }).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let t = text.trim().replace(/[\s  _]/g, '');
  // A group mark that is white space is gone already; others are removed before the decimal mark
  // becomes a point (in de-DE the group mark is the point).
  if (group.trim() !== '') t = t.split(group).join('');
  if (decimal !== '.') t = t.split(decimal).join('.');
  t = t.replace(/^−/, '-');
  return /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** A ratio such as ROI (0.35 → "35%"), or the reason there is none. */
export function formatRatio(
  value: number | null | undefined,
  missing: string,
  options: FormatOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  return formatPercent(value, { decimals: 0, ...options });
}
