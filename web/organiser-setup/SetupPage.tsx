import { useTranslation } from '../app/i18n.ts';
import { CategoriesSection } from './CategoriesSection.tsx';
import { EditionSection } from './EditionSection.tsx';
import { HallSection } from './HallSection.tsx';
import { SlotsSection } from './SlotsSection.tsx';
import { ToursSection } from './ToursSection.tsx';

/** What the seed code used to make, set up by the edition's organisers, one section per part, reached from a short index. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const sections = [
    ['setup-edition', t('setup.editionTitle'), <EditionSection token={token} />],
    ['setup-categories', t('setup.categoriesTitle'), <CategoriesSection token={token} />],
    ['setup-tours', t('setup.toursTitle'), <ToursSection token={token} />],
    ['setup-slots', t('setup.slotsTitle'), <SlotsSection token={token} />],
    ['setup-hall', t('setup.hallTitle'), <HallSection token={token} />],
  ] as const;
  return (
    <section data-testid="setup-page">
      <h2>{t('setup.title')}</h2>
      <nav aria-label={t('setup.sections')}>
        <ul class="setup-nav">
          {sections.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map(([id, , section]) => (
        <div id={id} key={id}>
          {section}
        </div>
      ))}
    </section>
  );
}
