import { useTranslation } from 'react-i18next';

export function Disclaimer({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return <p className={`disclaimer ${className}`}>{t('app.disclaimer')}</p>;
}
