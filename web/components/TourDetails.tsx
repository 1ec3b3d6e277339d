import { formatEventDateTime } from '../app/event-zone.ts';
import { languageName } from '../../shared/languages.ts';
import type { TourView } from '../../shared/tour-schema.ts';
import { useTranslation } from '../app/i18n.ts';

/** When a tour leaves and comes back, where to meet, and which languages its guides speak: what every tour screen shows. */
export function TourDetails({ tour }: { tour: TourView }) {
  const { t, language } = useTranslation();
  const guides = [...new Set(tour.buses.flatMap((bus) => bus.guideLanguages))].map((tag) => languageName(tag, language));
  return (
    <p class="small muted">
      {t('tours:my.departs', { when: formatEventDateTime(tour.departsAt, language), back: formatEventDateTime(tour.returnsAt, language) })}
      <br />
      {t('tours:my.meetingPoint', { place: tour.meetingPoint })}
      <br />
      {t('tours:my.guides', { languages: new Intl.ListFormat(language, { type: 'conjunction' }).format(guides) })}
    </p>
  );
}
