import ICAL from 'ical.js';

/** A feed's events as an independent parser (Mozilla's ical.js) reads them, times resolved through the feed's VTIMEZONEs. */
export function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status') as string | null,
      summary: event.summary,
      location: event.location,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid ?? null,
      stampIsUtc: stamp.zone === ICAL.Timezone.utcTimezone,
    };
  });
}
