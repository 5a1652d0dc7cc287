import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../src/lib/state/dashboard.svelte';
import TimelineView from '../../src/lib/views/timeline/TimelineView.svelte';
import { tinyDataset } from '../fixtures/tiny';
import WithDashboard from './WithDashboard.svelte';
import { SOURCES, type Source } from '../../src/lib/state/sources';

/** A source of the tests' own: a view that picks themes. */
const THEMES = 'themes' as Source;

function setup() {
  let state!: DashboardState;
  render(WithDashboard, { dataset: tinyDataset(), views: [TimelineView], onstate: (s) => (state = s) });
  return { state: () => state, user: userEvent.setup(), region: screen.getByRole('region', { name: 'Timeline' }) };
}

describe('Timeline view', () => {
  it('is a labelled region with a button per session, named by its visible title and count, then date; described by topic and counts', () => {
    const { region } = setup();
    const buttons = within(region)
      .getAllByRole('button')
      .filter((b) => b.classList.contains('session'));
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Opening: 0 messages, 4 June 2020',
      'Breakout 1: 2 messages, 11 June 2020',
      'Breakout 2: 2 messages, 11 June 2020',
    ]);
    expect(
      within(region).getByRole('button', { name: 'Breakout 2: 2 messages, 11 June 2020' }),
    ).toHaveAccessibleDescription('Thematic breakout · Topic 2: Health · 1 speaker · 2 messages under the filters');
  });

  it('a click selects a session (its topic’s messages), again clears; Shift adds', async () => {
    const { region, user, state } = setup();
    await user.click(within(region).getByRole('button', { name: /^Breakout 1:/ }));
    expect(state().count).toBe(2);
    expect(
      within(region).getByRole('button', { name: /^Breakout 1: 2 messages, 11 June 2020$/, pressed: true }),
    ).toBeInTheDocument();
    await user.keyboard('{Shift>}');
    await user.click(within(region).getByRole('button', { name: /^Breakout 2:/ }));
    await user.keyboard('{/Shift}');
    expect(state().count).toBe(4);
    await user.click(within(region).getByRole('button', { name: /^Breakout 1:/ }));
    expect(state().picked(SOURCES.timeline, 'session')).toEqual(['breakout-1']);
    await user.click(within(region).getByRole('button', { name: /^Breakout 1:/ }));
    expect(state().count).toBe(5);
  });

  it('dims a session that the other views leave without messages, and says how many remain', async () => {
    const { region, state } = setup();
    state().toggle(THEMES, 'theme', 'housing');
    await Promise.resolve();
    const breakout2 = within(region).getByRole('button', { name: /^Breakout 2:/ });
    expect(breakout2).toHaveClass('dimmed');
    // Of every session drawn (the opening held no topic, so none of its own): "1 of 3", not "1 of 2".
    const sessions = tinyDataset().sessions.length;
    expect(within(region).getByText(`1 of ${sessions} sessions have messages`)).toBeInTheDocument();
  });

  it('shows a date range and clears it', async () => {
    const { region, user, state } = setup();
    state().select({ source: SOURCES.timeline, kind: 'range', field: 'date', value: ['2020-06-10', '2020-06-12'] });
    await Promise.resolve();
    expect(within(region).getByText(/Dates 10 June 2020 to 12 June 2020/)).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Clear dates' }));
    expect(state().clauses).toEqual([]);
  });

  it('has a table twin of sessions and milestones', async () => {
    const { region, user } = setup();
    await user.click(within(region).getByRole('button', { name: 'Table' }));
    const sessions = await within(region).findByRole('table', { name: 'Sessions' });
    expect(within(sessions).getAllByRole('row')).toHaveLength(4);
    expect(within(sessions).getByRole('row', { name: /Breakout 2.*Health/ })).toBeInTheDocument();
    expect(within(within(region).getByRole('table', { name: 'Milestones' })).getByText('A forum')).toBeInTheDocument();
  });
});
