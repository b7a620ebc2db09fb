import { createContext, useContext } from 'react';
import type { Locale } from '../messages';

export const LocaleContext = createContext<Locale>('zh-CN');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** Picks the current language's entry of a per-page message table. */
export function useText<T>(table: Record<Locale, T>): T {
  return table[useLocale()];
}

export function formatYuan(fen: number, locale: Locale): string {
  return (fen / 100).toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

export function formatTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Punctuation differs: 「名称：甲、乙」 against "Name: A, B". */
export function punctuation(locale: Locale): { readonly colon: string; readonly list: string; readonly items: string } {
  return locale === 'en' ? { colon: ': ', list: ', ', items: '; ' } : { colon: '：', list: '、', items: '；' };
}
