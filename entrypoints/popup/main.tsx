import { render } from 'preact';
import { App } from './App';
import { tabIdFromSearch } from './tab-id';
import './style.css';

const tabId = tabIdFromSearch(location.search);
if (tabId !== null) document.body.classList.add('in-tab');
render(<App tabIdFromUrl={tabId} />, document.getElementById('app')!);
