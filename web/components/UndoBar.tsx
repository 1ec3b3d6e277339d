import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../app/i18n.ts';

/** A change just made to a list, said in words, with the call that takes it back. */
export interface UndoOffer {
  message: string;
  undo: () => Promise<void>;
}

/** How long a list change can be taken back from the bar. */
const offeredSeconds = 10;

/**
 * The bar at the foot of the screen that confirms a list change (an approval, a boarding tick) where the hand is and
 * offers to take it back for a few seconds. Its region is always present so screen readers announce each offer.
 */
export function useUndoBar() {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [after, setAfter] = useState<{ text: string; failed: boolean } | null>(null);
  useEffect(() => {
    if (!offer && !after) return;
    const timer = setTimeout(() => (offer ? setOffer(null) : setAfter(null)), (offer ? offeredSeconds : 4) * 1000);
    return () => clearTimeout(timer);
  }, [offer, after]);

  const takeBack = async (current: UndoOffer) => {
    setOffer(null);
    try {
      await current.undo();
      setAfter({ text: t('undo.done'), failed: false });
    } catch (error) {
      setAfter({ text: (error as Error).message, failed: true });
    }
  };

  const bar = (
    <div class="undo-bar" role="status" aria-live="polite" data-testid="undo-bar">
      {offer && (
        <p>
          <span>{offer.message}</span>
          <button type="button" class="link" onClick={() => void takeBack(offer)}>
            {t('undo.action')}
          </button>
        </p>
      )}
      {!offer && after && <p class={after.failed ? 'undo-bar__failed' : undefined}>{after.text}</p>}
    </div>
  );
  const offerUndo = (next: UndoOffer) => {
    setAfter(null);
    setOffer(next);
  };
  return { bar, offerUndo };
}
