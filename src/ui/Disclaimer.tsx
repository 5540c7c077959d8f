import { useTranslation } from '../i18n/react.ts';

export function Disclaimer({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return <p className={`disclaimer ${className}`}>{t('app.disclaimer')}</p>;
}
