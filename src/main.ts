import { mount } from 'svelte';
import App from './App.svelte';
// The app's own typeface (Atkinson Hyperlegible, made for low-vision readers): the same letters
// on every machine and projector, and the same text measurements in every test browser.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/tokens.css';
import './styles/base.css';

mount(App, { target: document.getElementById('app')! });
