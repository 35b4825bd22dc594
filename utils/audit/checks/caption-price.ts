/** A price stated in the caption matches what the store charges, within the currency's minor unit. */
import { currencyExponent, decimalToMinor, formatMoney } from '../../money';
import { parseCaptionPrices } from '../caption-price';
import { advertisedVariantId, productOrWarning } from '../product-state';
import { evidence, outcome, words, type AuditCheck } from '../types';

export const captionPrice: AuditCheck = {
  id: 'caption_price',
  title: 'dash_check_caption_price',
  run(input) {
    const stated = parseCaptionPrices(input.sighting.caption);
    if (stated.length === 0) return outcome('pass', words('dash_reason_no_caption_price'));
    const said = stated.map((p) => evidence('dash_ev_caption_price', p.text));
    const state = productOrWarning(input);
    if ('warning' in state) return { ...state.warning, evidence: [...said, ...state.warning.evidence] };
    const { product } = state;
    const currency = product.currency;
    if (!currency) return outcome('warn', words('dash_reason_no_store_currency'), said);
    const wanted = advertisedVariantId(input);
    // The advertised variant's price; with none advertised, any variant's price may be the one meant.
    const variants = product.variants.filter((v) => wanted === null || v.id === wanted);
    const prices = [...new Set(variants.map((v) => v.price))];
    const charged = prices.map((p) => evidence('dash_ev_store_price', formatMoney(p, currency)));
    const comparable = stated.filter((p) => p.codes.includes(currency));
    if (comparable.length === 0) return outcome('warn', words('dash_reason_price_other_currency', stated[0]!.text, currency), [...said, ...charged]);
    const exponent = currencyExponent(currency);
    for (const p of comparable) {
      const minor = decimalToMinor(p.amount, currency);
      if (minor !== null && prices.includes(minor)) return outcome('pass', words('dash_reason_price_matches', p.text), [...said, ...charged]);
    }
    for (const p of comparable) {
      // "$13" for $12.99: the caption rounded to whole units.
      const whole = p.amount.includes('.') ? null : Number(p.amount);
      const rounded = whole !== null && exponent > 0 && prices.some((price) => Math.round(price / 10 ** exponent) === whole);
      if (rounded) return outcome('warn', words('dash_reason_price_rounded', p.text, formatMoney(prices[0]!, currency)), [...said, ...charged]);
    }
    return outcome('fail', words('dash_reason_price_differs', comparable[0]!.text, prices.map((p) => formatMoney(p, currency)).join(' / ')), [...said, ...charged]);
  },
};
