import { useState } from 'preact/hooks';
import { useTranslation } from '../app/i18n.ts';
import { CategoriesSection } from './CategoriesSection.tsx';
import { DaysSection } from './DaysSection.tsx';
import { EditionSection } from './EditionSection.tsx';
import { HallSection } from './HallSection.tsx';
import { SlotsSection } from './SlotsSection.tsx';
import { ToursSection } from './ToursSection.tsx';

/** What the seed code used to make, set up by the edition's organisers, one section per part, reached from a short index. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation();
  // New dates change the days, slots and tour times every section shows: they are all read again.
  const [dates, setDates] = useState(0);
  const datesChanged = () => setDates(dates + 1);
  const sections = [
    ['setup-edition', t('setup.editionTitle'), <EditionSection token={token} onDatesChanged={datesChanged} />],
    ['setup-days', t('setup.daysTitle'), <DaysSection token={token} onDatesChanged={datesChanged} />],
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
        <div id={id} key={`${id}:${dates}`}>
          {section}
        </div>
      ))}
    </section>
  );
}
