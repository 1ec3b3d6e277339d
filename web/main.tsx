import { render } from 'preact';
import './app/i18n.ts';
import { App } from './app/App.tsx';
import './styles.css';

render(<App />, document.getElementById('app')!);
