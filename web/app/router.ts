import { useEffect, useState } from 'preact/hooks';
import { pagePath, screenPath } from './congress-address.ts';

/**
 * Goes to a screen of this edition: `navigate('/me')` stays under `/c/<slug>` on an edition's pages. `replace` when
 * the screen the person asked for is not theirs, so Back does not return to it.
 */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', pagePath(path));
  else history.pushState(null, '', pagePath(path));
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current screen's path inside the edition (`/me`, `/organiser/tours`), whatever edition the address names. */
export function usePath(): string {
  const [path, setPath] = useState(screenPath(location.pathname));
  useEffect(() => {
    const update = () => setPath(screenPath(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return path;
}
