import { useTranslation } from '../app/i18n.ts';

/** "1–50 of 312" with buttons to the newer and older pages of a list shown newest first. */
export function Pager({ offset, shown, total, pageSize, onOffset }: { offset: number; shown: number; total: number; pageSize: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  return (
    <p class="pager">
      <span class="muted">{total > 0 && t('audit.shown', { first: offset + 1, last: offset + shown, total })}</span>
      <button type="button" class="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('audit.newer')}
      </button>
      <button type="button" class="secondary" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {t('audit.older')}
      </button>
    </p>
  );
}
