import { render } from 'preact';
import { App } from './App';
import { requestPersistence } from '@/lib/persist';
import './popup.css';

// Keep the reading list when the disk runs low; the options page asks too (and shows the answer).
void requestPersistence();

render(<App />, document.getElementById('app')!);
