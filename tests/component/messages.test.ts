import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../src/lib/state/dashboard.svelte';
import Header from '../../src/lib/ui/Header.svelte';
import MessagesView from '../../src/lib/views/messages/MessagesView.svelte';
import { cardsToFill } from '../../src/lib/ui/message/groups';
import { tinyDataset, withExcerpt } from '../fixtures/tiny';
import WithDashboard from './WithDashboard.svelte';
import { SOURCES } from '../../src/lib/state/sources';
import { setClause } from '../../src/lib/filters';

/** The header's count line, as a user reads it: "5 of 5 messages". */
const countLine = () => screen.getByText((_, el) => el?.classList.contains('message-count') ?? false);

/** Renders the view in a window `height` pixels tall (tall enough by default for every card of the tiny dataset). */
function setup(dataset = tinyDataset(), height = 1200) {
  Object.defineProperty(window, 'innerHeight', { value: height, configurable: true });
  let state!: DashboardState;
  render(WithDashboard, { dataset, views: [Header, MessagesView], onstate: (s) => (state = s) });
  return { state: () => state, user: userEvent.setup() };
}

describe('Messages view', () => {
  it('is a labelled region listing every message grouped by topic', () => {
    setup();
    const region = screen.getByRole('region', { name: 'Messages' });
    expect(within(region).getAllByRole('article')).toHaveLength(5);
    const groups = within(region)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['Across the consultation', 'Topic 1: Housing', 'Topic 2: Health']);
    expect(countLine()).toHaveTextContent('5 of 5 messages');
  });

  it('says why the other views count fewer than the list: a message that repeats another is one passage', async () => {
    const { state } = setup(withExcerpt(), 2400);
    expect(countLine()).toHaveTextContent('6 of 6 messages');
    expect(
      screen.getByText('The map and the timeline count 5 passages: 1 message repeats another’s words.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Messages' }).querySelectorAll('article')).toHaveLength(6);
    // Montevideo's two messages are one passage.
    state().select(setClause(SOURCES.map, 'place', ['montevideo']));
    await waitFor(() => expect(countLine()).toHaveTextContent('2 of 6 messages'));
    expect(
      screen.getByText('The map and the timeline count 1 passage: 1 message repeats another’s words.'),
    ).toBeInTheDocument();
    state().select(setClause(SOURCES.map, 'place', []));
    // With only the practices, nothing shown repeats a shown message: no such line.
    state().select(setClause(SOURCES.kinds, 'kind', ['practice']));
    await waitFor(() => expect(countLine()).toHaveTextContent('1 of 6 messages'));
    expect(screen.queryByText(/passages:/)).toBeNull();
  });

  it('marks the report’s own words with the report’s language, and the interface’s words not', () => {
    const dataset = tinyDataset();
    dataset.meta.language = 'es';
    setup(dataset);
    for (const card of within(screen.getByRole('region', { name: 'Messages' })).getAllByRole('article')) {
      const label = within(card).getAllByRole('heading')[0]!;
      expect(label.getAttribute('lang'), label.textContent!).toBe('es');
      const words = card.querySelector('blockquote, p.text')!;
      expect(words.getAttribute('lang')).toBe('es');
      // "Copy citation" and the chips' kinds are the interface's.
      expect(
        within(card)
          .getByRole('button', { name: /^Copy citation/ })
          .closest('[lang]'),
      ).toBe(null);
    }
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('es');
  });

  it('shows each message’s kind, label, text, speaker and source section', () => {
    setup();
    const quote = screen.getByRole('article', { name: 'Health care must reach everyone.' });
    expect(within(quote).getByText('Quote')).toBeInTheDocument();
    expect(within(quote).getByText(/Ana Example, Mayor, São Paulo/)).toBeInTheDocument();
    // "Source: " is the interface's; the section is the report's words, in its language.
    expect(within(quote).getByText('Test').closest('span')?.parentElement?.textContent).toBe('Source: Test');
    expect(within(quote).getByText('Test').getAttribute('lang')).toBe('en');
  });

  it('sets the source’s highlights in bold', () => {
    const data = tinyDataset();
    data.messages[1]!.highlights = ['prevent migrants'];
    setup(data);
    const practice = screen.getByRole('article', { name: /Montevideo set up/ });
    expect(practice.querySelector('strong')?.textContent).toBe('prevent migrants');
  });

  it('a theme chip filters every message by that theme, and again clears it', async () => {
    const { user, state } = setup();
    const evicted = screen.getByRole('article', { name: /Montevideo set up/ });
    await user.click(within(evicted).getByRole('button', { name: 'Theme Housing' }));
    expect(countLine()).toHaveTextContent('2 of 5 messages');
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(state().picked(SOURCES.matrix, 'cell')).toEqual(['*|housing']);
    const pressed = screen.getAllByRole('button', { name: 'Theme Housing', pressed: true });
    expect(pressed).toHaveLength(2);
    await user.click(pressed[0]!);
    expect(countLine()).toHaveTextContent('5 of 5 messages');
  });

  it('Shift-click adds a theme (OR); Clear all filters restores everything', async () => {
    const { user } = setup();
    await user.click(screen.getAllByRole('button', { name: 'Theme Regional cooperation' })[0]!);
    expect(countLine()).toHaveTextContent('2 of 5 messages');
    await user.keyboard('{Shift>}');
    await user.click(screen.getAllByRole('button', { name: 'Theme Health' })[0]!);
    await user.keyboard('{/Shift}');
    expect(countLine()).toHaveTextContent('4 of 5 messages');
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(countLine()).toHaveTextContent('5 of 5 messages');
  });

  it('says so when nothing matches, with a way back', async () => {
    const { user, state } = setup();
    state().toggle(SOURCES.map, 'place', 'quito');
    await Promise.resolve();
    const region = screen.getByRole('region', { name: 'Messages' });
    expect(await within(region).findByText('No message matches every filter.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Clear all filters' }));
    expect(within(region).getAllByRole('article')).toHaveLength(5);
  });

  it('shows dataset text as text, never as markup', () => {
    const data = tinyDataset();
    data.messages[0]!.text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    data.messages[0]!.label = '<b>bold?</b>';
    data.meta.title = '<i>title</i>';
    setup(data);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('<i>title</i>');
    expect(screen.getByText('<script>alert(1)</script><img src=x onerror=alert(2)>')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '<b>bold?</b>' })).toBeInTheDocument();
    expect(document.querySelector('script, img, b, i')).toBeNull();
  });

  it('builds the first cards at once and more on demand; a new filter result starts again', async () => {
    const data = tinyDataset();
    const template = data.messages[2]!;
    data.messages = Array.from({ length: 40 }, (_, i) => ({ ...template, id: `m-${i}`, label: `Message ${i}` }));
    const { user } = setup(data, 768);
    expect(countLine()).toHaveTextContent('40 of 40 messages');
    // Enough to fill the list before it is measured: 40 % of a 768-pixel window.
    const first = cardsToFill(768 * 0.4);
    expect(screen.getAllByRole('article')).toHaveLength(first);
    await user.click(screen.getByRole('button', { name: `Show 24 more of ${40 - first} remaining` }));
    expect(screen.getAllByRole('article')).toHaveLength(first + 24);
    expect(screen.getByRole('article', { name: `Message ${first + 23}` })).toBeInTheDocument();
    // The focus goes on to the first new card, so Tab continues through the new ones.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: `Message ${first}` })));
    await user.click(screen.getByRole('button', { name: `Show ${16 - first} more of ${16 - first} remaining` }));
    expect(screen.getAllByRole('article')).toHaveLength(40);
    expect(screen.queryByRole('button', { name: /more of/ })).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'message');
    expect(screen.getAllByRole('article')).toHaveLength(first);
  });

  it('place and person chips select them as the map would', async () => {
    const { user, state } = setup();
    const quote = screen.getByRole('article', { name: 'Health care must reach everyone.' });
    await user.click(within(quote).getByRole('button', { name: 'Person Ana Example' }));
    expect(state().picked(SOURCES.people, 'person')).toEqual(['ana']);
    expect(countLine()).toHaveTextContent('1 of 5 messages');
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    const practice = screen.getByRole('article', { name: /Montevideo set up/ });
    await user.click(within(practice).getByRole('button', { name: 'Place Montevideo' }));
    expect(state().picked(SOURCES.map, 'place')).toEqual(['montevideo']);
  });

  it('search filters by text and marks the matches', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'evicted');
    expect(countLine()).toHaveTextContent('1 of 5 messages');
    const marks = screen.getAllByText('evicted', { selector: 'mark' });
    expect(marks).toHaveLength(1);
    await user.clear(screen.getByRole('searchbox', { name: 'Search messages' }));
    expect(countLine()).toHaveTextContent('5 of 5 messages');
  });

  it('Copy citation puts the message’s citation on the clipboard, quoting only the report’s words', async () => {
    const user = userEvent.setup();
    render(WithDashboard, { dataset: tinyDataset(), views: [MessagesView] });
    const card = screen.getByRole('article', { name: /Montevideo set up/ });
    await user.click(within(card).getByRole('button', { name: /^Copy citation/ }));
    expect(within(card).getByText('Citation copied.')).toBeInTheDocument();
    // Said by the page's one live region, which was there before the click.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Citation copied.'));
    expect(await navigator.clipboard.readText()).toBe(
      '“Montevideo set up a fund to prevent migrants being evicted.” Tiny report, Test publisher, July 2020. Section: Test.',
    );
  });
});
