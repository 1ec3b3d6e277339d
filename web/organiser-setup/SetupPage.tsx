import { useTranslation } from '../app/i18n.ts';
import { CategoriesSection } from './CategoriesSection.tsx';
import { EditionSection } from './EditionSection.tsx';
import { SlotsSection } from './SlotsSection.tsx';

/** What the seed code used to make, set up by the edition's organisers: for now its own texts, its delegate categories and the consultation day's slots. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <section data-testid="setup-page">
      <h2>{t('setup.title')}</h2>
      <EditionSection token={token} />
      <CategoriesSection token={token} />
      <SlotsSection token={token} />
    </section>
  );
}
