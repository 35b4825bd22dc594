/** The variant of a saved item, changeable; variants a checkout link can't buy are marked, still choosable (to watch them). */
import type { ProductChoices, VariantChoice } from '@/utils/popup/schemas';
import { t } from '../i18n';

export function variantLabel(variant: VariantChoice): string {
  if (variant.requiresSellingPlan) return t('popup_variantSubscription', variant.title);
  if (!variant.available) return t('popup_variantSoldOut', variant.title);
  return variant.title;
}

export function VariantPicker({ choices, value, onChange, disabled }: { choices: ProductChoices; value: number; onChange: (variantId: number) => void; disabled?: boolean }) {
  const names = choices.options.map((o) => o.name).join(' / ');
  return (
    <label class="pc-field">
      <span>{names ? t('popup_variantLabelNamed', names) : t('popup_variantLabel')}</span>
      <select value={String(value)} disabled={disabled} onChange={(event) => onChange(Number((event.currentTarget as HTMLSelectElement).value))}>
        {choices.variants.map((variant) => (
          <option key={variant.id} value={String(variant.id)}>
            {variantLabel(variant)}
          </option>
        ))}
      </select>
    </label>
  );
}
