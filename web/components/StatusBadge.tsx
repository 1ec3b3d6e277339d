import type { DelegateStatus } from '../../shared/delegate-status.ts';
import { useTranslation } from '../app/i18n.ts';

export function StatusBadge({ status }: { status: DelegateStatus }) {
  const { t } = useTranslation();
  return <span class={`badge badge--${status}`} data-status={status}>{t(`fields:statuses.${status}`)}</span>;
}
