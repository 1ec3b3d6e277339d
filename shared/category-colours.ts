/** The colour band of each delegate category on badges, so door staff tell speakers, press and staff at a glance. */
export const categoryColours: Record<string, string> = {
  government: '#1d4ed8',
  university: '#047857',
  research: '#0f766e',
  'large-company': '#7c3aed',
  sme: '#ea580c',
  'international-organisation': '#0891b2',
  press: '#dc2626',
  speaker: '#b45309',
  staff: '#374151',
};
export const defaultCategoryColour = '#6b7280';
