import { describe, expect, it } from 'vitest';
import { fillPlaceholders, unknownPlaceholder } from './placeholders.ts';

const values = { name: 'Nguyễn Thị Lan', congress: 'TCI 2015', link: 'https://c.example/me', calendar: 'https://c.example/cal.ics' };

describe('placeholders in organisers’ messages', () => {
  it('fills every known placeholder, as often as it appears', () => {
    expect(fillPlaceholders('Dear {name}, see you at {congress}. {link} · {name}', values)).toBe('Dear Nguyễn Thị Lan, see you at TCI 2015. https://c.example/me · Nguyễn Thị Lan');
  });

  it('names the first unknown placeholder, and leaves braces that are no placeholder alone', () => {
    expect(unknownPlaceholder('Dear {name}, your {seat} is on {bus}')).toBe('seat');
    expect(unknownPlaceholder('Dear {name}, {congress} {link} {calendar}')).toBeNull();
    expect(unknownPlaceholder('Sets like { a, b } and {} are text')).toBeNull();
    expect(fillPlaceholders('{ a } {}', values)).toBe('{ a } {}');
  });

  it('does not fill a placeholder that a value brings in', () => {
    expect(fillPlaceholders('{name}', { ...values, name: '{link}' })).toBe('{link}');
  });
});
