import { useState } from 'react';
import { bidCommitment } from '@mkt/bidding/core';
import { api } from '../app/api';
import { formatTime, useLocale, useText } from '../app/locale';
import { useAction } from '../ui/action';
import { ActionResult, Field } from '../ui/form';
import { useLoad } from '../ui/use-load';
import type { BiddingView, Quote } from '../projects/project-api';
import { AGENCY_TEXT } from './agency-messages';

interface MyBid {
  readonly bidId: string;
  readonly commitment: string;
  readonly salt: string;
  readonly bid: { readonly quote: Quote; readonly servicePeriodDays: number; readonly note: string | null };
  readonly status: 'LIVE' | 'REPLACED' | 'WITHDRAWN' | string;
  readonly submittedAt: string;
}

/** 32 random bytes as 64 lower-case hex digits: the salt is made here, so the agency knows its commitment before sending. */
function newSalt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The agency's own sealed bid: submit, replace or withdraw before the deadline, and keep the receipt. */
export function BidPanel({ round, agencyId, onChange }: { round: BiddingView; agencyId: string; onChange: () => void }) {
  const t = useText(AGENCY_TEXT);
  const locale = useLocale();
  const mine = useLoad((signal) => api<MyBid[]>(`/api/bidding/biddings/${round.biddingId}/bids/mine`, { signal }), [round.biddingId]);
  const live = mine.data?.find((b) => b.status === 'LIVE') ?? null;
  const [price, setPrice] = useState('');
  const [period, setPeriod] = useState('30');
  const [note, setNote] = useState('');
  const action = useAction();
  const [localCheck, setLocalCheck] = useState<boolean | null>(null);
  const isRate = round.rules.quoteForm === 'DISCOUNT_RATE';

  async function send(mode: 'submit' | 'replace'): Promise<void> {
    const quote: Quote = isRate ? { form: 'DISCOUNT_RATE', rate: Number(price) / 100 } : { form: 'AMOUNT', amountFen: Math.round(Number(price) * 100) };
    const salt = newSalt();
    const body = { quote, servicePeriodDays: Number(period), note: note.trim() === '' ? null : note, salt };
    const receipt = await action.run(
      () => api<{ commitment: string }>(`/api/bidding/biddings/${round.biddingId}/bids${mode === 'replace' ? '/mine' : ''}`, { method: mode === 'replace' ? 'PUT' : 'POST', body }),
      mode === 'replace' ? t.bidReplaced : t.bidSubmitted,
    );
    if (!receipt) return;
    // The commitment the server recorded must be the one this browser computes from what was typed.
    setLocalCheck(bidCommitment({ biddingId: round.biddingId, agencyId, quote, servicePeriodDays: body.servicePeriodDays, note: body.note }, salt) === receipt.commitment);
    mine.reload();
    onChange();
  }

  async function withdraw(): Promise<void> {
    if ((await action.run(() => api(`/api/bidding/biddings/${round.biddingId}/bids/mine`, { method: 'DELETE' }), t.bidWithdrawn)) !== undefined) {
      setLocalCheck(null);
      mine.reload();
      onChange();
    }
  }

  const labels = { quote: t.price(isRate), 'quote.amountFen': t.price(false), 'quote.rate': t.price(true), servicePeriodDays: t.period, note: t.note };
  return (
    <section className="card" aria-labelledby="bid-heading">
      <h3 id="bid-heading">{t.bidHeading}</h3>
      {live && (
        <div className="receipt" data-testid="receipt">
          <h4>{t.receipt}</h4>
          <dl className="facts">
            <dt>{t.commitment}</dt>
            <dd className="mono">{live.commitment}</dd>
            <dt>{t.salt}</dt>
            <dd className="mono">{live.salt}</dd>
            <dt>{t.price(isRate)}</dt>
            <dd>{live.bid.quote.form === 'AMOUNT' ? (live.bid.quote.amountFen / 100).toLocaleString(locale) : `${(live.bid.quote.rate * 100).toFixed(2)} %`}</dd>
            <dt>{t.submittedAt}</dt>
            <dd>{formatTime(live.submittedAt, locale)}</dd>
          </dl>
          {localCheck !== null && <p className={`notice ${localCheck ? 'ok' : 'bad'}`}>{localCheck ? t.receiptMatches : t.receiptMismatch}</p>}
          <a className="button-link" download={`bid-receipt-${round.biddingId}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify({ biddingId: round.biddingId, agencyId, ...live }, null, 2))}`}>
            {t.downloadReceipt}
          </a>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(live ? 'replace' : 'submit');
        }}
      >
        <Field label={t.price(isRate)} name="quote" action={action}>
          <input name="price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} required />
        </Field>
        <Field label={t.period} name="servicePeriodDays" action={action}>
          <input name="servicePeriodDays" type="number" min={1} value={period} onChange={(e) => setPeriod(e.target.value)} required />
        </Field>
        <Field label={t.note} name="note" action={action}>
          <textarea name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <ActionResult action={action} labels={labels} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={action.busy}>
            {live ? t.replaceBid : t.submitBid}
          </button>
          {live && (
            <button type="button" onClick={() => void withdraw()} disabled={action.busy}>
              {t.withdrawBid}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
