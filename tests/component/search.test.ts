import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { textClause } from '../../src/lib/filters';
import type { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { SOURCES } from '../../src/lib/state/sources';
import MessagesView from '../../src/lib/views/messages/MessagesView.svelte';
import { tinyDataset } from '../fixtures/tiny';
import WithDashboard from './WithDashboard.svelte';

/** The tiny dataset, with a message in American spelling and one tagged with a theme its text does not name. */
function dataset(): Dataset {
  const d = tinyDataset();
  d.themes.push({ id: 'regularisation', label: 'Regularisation', group: 'issue', description: 'Papers.' });
  const base = d.messages[2]!;
  d.messages.push(
    { ...base, id: 'm-us', label: 'Status', text: 'Regularization helped families stay.', themeIds: ['health'] },
    { ...base, id: 'm-tagged', label: 'Papers', text: 'Cities issued documents.', themeIds: ['regularisation'] },
  );
  return d;
}

function setup() {
  Object.defineProperty(window, 'innerHeight', { value: 1200, configurable: true });
  let state!: DashboardState;
  render(WithDashboard, { dataset: dataset(), views: [MessagesView], onstate: (s) => (state = s) });
  return {
    state: () => state,
    user: userEvent.setup(),
    box: screen.getByRole('searchbox', { name: 'Search messages' }),
  };
}

describe('searching messages', () => {
  it('announces the count once typing pauses, not on every key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { state, box } = setup();
      // Loaded first, so that nothing but the typing moves the count.
      await state().loadSearch();
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const status = screen.getByRole('status');
      await user.type(box, 'evicted');
      vi.advanceTimersByTime(450);
      flushSync();
      expect(status).toHaveTextContent('');
      vi.advanceTimersByTime(100);
      flushSync();
      expect(status).toHaveTextContent('1 message found for “evicted”');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says how many, or that none, were found', async () => {
    const { user, box } = setup();
    await user.type(box, 'migrants');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 messages found for “migrants”'));
    await user.clear(box);
    await user.type(box, 'zzz');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No message found for “zzz”'));
  });

  it('says nothing of a search it did not type (a link, a scene)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { state } = setup();
      state().restore([textClause(SOURCES.search, 'evicted')]);
      flushSync();
      await state().loadSearch();
      flushSync();
      vi.advanceTimersByTime(5000);
      flushSync();
      expect(screen.getAllByRole('article')).toHaveLength(1);
      expect(screen.getByRole('status')).toHaveTextContent('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds and marks the other spelling, and says why a message without the word was kept', async () => {
    const { user, box, state } = setup();
    await user.type(box, 'regularisation');
    await state().loadSearch();
    const region = screen.getByRole('region', { name: 'Messages' });
    await waitFor(() => expect(within(region).getAllByRole('article')).toHaveLength(2));
    const us = within(region).getByRole('article', { name: 'Status' });
    expect(within(us).getByText('Regularization', { selector: 'mark' })).toBeInTheDocument();
    const tagged = within(region).getByRole('article', { name: 'Papers' });
    expect(within(tagged).getByText('Found by its theme: Regularisation')).toBeInTheDocument();
    expect(tagged.querySelector('mark')).toBeNull();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 messages found for “regularisation”'));
  });
});
