import { useTranslation } from '../i18n/react.ts';

export const CONCERNS = ['jawline', 'nasolabial', 'crowsfeet'] as const;
export type ConcernId = (typeof CONCERNS)[number];

export interface ConcernPickerProps {
  readonly value: ConcernId | null;
  readonly onChange: (concern: ConcernId) => void;
  readonly headingId: string;
}

/** "What bothers you?": one real button per concern, the chosen one pressed. */
export function ConcernPicker({ value, onChange, headingId }: ConcernPickerProps) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-labelledby={headingId} className="concern-picker">
      {CONCERNS.map((id) => (
        <button key={id} type="button" aria-pressed={value === id} data-concern={id} onClick={() => onChange(id)}>
          {t(`web.concern.${id}`)}
        </button>
      ))}
    </div>
  );
}
