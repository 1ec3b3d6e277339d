import { render } from 'preact';
import './app/i18n.ts';
import { App } from './app/App.tsx';
import './styles.css';
import { loadEventCongress } from './app/event-zone.ts';

// Times are drawn in the congress's zone from the first paint on.
void loadEventCongress().finally(() => render(<App />, document.getElementById('app')!));
