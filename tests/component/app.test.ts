import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { tinyDataset } from '../fixtures/tiny';

const INDEX = { consultations: [{ id: 'tiny', title: 'Tiny', file: 'tiny.json' }] };
const BASEMAP = readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8');

function serve(files: Record<string, unknown>) {
  files['countries-110m.json'] ??= BASEMAP;
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const name = String(input).split('/').pop()!;
    if (!(name in files)) return new Response('not found', { status: 404 });
    const body = files[name];
    if (body instanceof Error) throw body;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('App', () => {
  it('says it is loading, then shows the consultation', async () => {
    serve({ 'index.json': INDEX, 'tiny.json': tinyDataset() });
    render(App);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the consultation…');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiny consultation' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }).closest('header')).toHaveTextContent(/5\s+of 5 messages/);
    expect(screen.getByRole('region', { name: 'Messages' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Map' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the field of an invalid dataset, and Retry loads it once fixed', async () => {
    const broken = tinyDataset();
    broken.messages[3]!.themeIds = ['helth'];
    const files: Record<string, unknown> = { 'index.json': INDEX, 'tiny.json': broken };
    serve(files);
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The dataset tiny.json is not valid: 1 problem.');
    expect(
      within(alert).getByText('messages[3].themeIds[0]: unknown theme "helth": did you mean "health"?'),
    ).toBeInTheDocument();
    files['tiny.json'] = tinyDataset();
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiny consultation' })).toBeInTheDocument();
  });

  it('says what failed when the network does', async () => {
    serve({ 'index.json': INDEX, 'tiny.json': new TypeError('Failed to fetch') });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not load the dataset tiny.json .*Failed to fetch/,
    );
  });

  it('says what failed when the file is missing or is not JSON', async () => {
    serve({ 'index.json': '{"consultations": [' });
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The list of consultations');
    expect(alert).toHaveTextContent(/not valid JSON/);
  });
});
