import { useState } from 'preact/hooks';

/**
 * A region that screen readers read out politely when a live update changes what the page shows (new registrations,
 * a board refreshed by another desk); sighted users see the change itself, so the region is visually hidden.
 */
export function useLiveAnnouncer() {
  const [text, setText] = useState('');
  const region = (
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="live-announcement">
      {text}
    </p>
  );
  return { announce: setText, region };
}
