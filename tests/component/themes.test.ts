import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../src/lib/state/dashboard.svelte';
import MessageDialog from '../../src/lib/ui/MessageDialog.svelte';
import ThemesView from '../../src/lib/views/themes/ThemesView.svelte';
import { tinyDataset } from '../fixtures/tiny';
import WithDashboard from './WithDashboard.svelte';
import { SOURCES } from '../../src/lib/state/sources';

function setup() {
  let state!: DashboardState;
  render(WithDashboard, { dataset: tinyDataset(), views: [ThemesView, MessageDialog], onstate: (s) => (state = s) });
  const region = screen.getByRole('region', { name: 'Themes' });
  return { state: () => state, user: userEvent.setup(), region, grid: within(region).getByRole('grid') };
}

describe('Topic × theme matrix', () => {
  it('is a grid with row and column headers and cells named by what they are', () => {
    const { grid } = setup();
    const themeHeaders = within(grid)
      .getAllByRole('columnheader')
      .filter((h) => h.hasAttribute('data-c'));
    expect(within(grid).getByRole('columnheader', { name: 'Issues' })).toHaveAttribute('colspan', '2');
    expect(themeHeaders.map((h) => h.getAttribute('aria-label'))).toEqual([
      'Theme: Regional cooperation, 2 messages',
      'Theme: Housing, 2 messages',
      'Theme: Health, 3 messages',
    ]);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Across topics', '1. Housing', '2. Health']);
    const cell = within(grid).getByRole('gridcell', { name: 'Topic 2: Health × Health: 2 messages' });
    expect(cell).toHaveTextContent('2');
    expect(
      within(grid).getByRole('gridcell', { name: 'Topic 1: Housing × Regional cooperation: 0 messages' }),
    ).toHaveTextContent('');
  });

  it('has one tab stop; arrows move; Enter selects, Shift+Enter adds, again clears', async () => {
    const { grid, user, state } = setup();
    const tabbable = grid.querySelectorAll('[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    (tabbable[0] as HTMLElement).focus();
    expect(document.activeElement).toHaveAccessibleName(
      'Across topics (cross-cutting and context) × Regional cooperation: 1 message',
    );
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toHaveAccessibleName('Topic 2: Health × Health: 2 messages');
    await user.keyboard('{Enter}');
    expect(state().picked(SOURCES.matrix, 'cell')).toEqual(['topic-2|health']);
    expect(document.activeElement).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Shift>}{Enter}{/Shift}');
    expect(state().picked(SOURCES.matrix, 'cell')).toEqual(['topic-2|health', 'topic-1|health']);
    expect(state().count).toBe(3);
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveAccessibleName('Topic 1: Housing, 2 messages');
    await user.keyboard('{PageUp}{End}');
    expect(document.activeElement).toHaveAccessibleName('Theme: Health, 3 messages');
    await user.keyboard('{Enter}');
    expect(state().picked(SOURCES.matrix, 'cell')).toEqual(['*|health']);
    await user.keyboard('{Enter}');
    expect(state().clauses).toEqual([]);
  });

  it('a click on a column header selects the theme; the matrix keeps its own counts', async () => {
    const { grid, user, state } = setup();
    await user.click(within(grid).getByRole('columnheader', { name: /^Theme: Housing/ }));
    expect(state().count).toBe(2);
    // The matrix is filtered by every clause but its own: Health still counts 3.
    expect(within(grid).getByRole('columnheader', { name: 'Theme: Health, 3 messages' })).toBeInTheDocument();
    state().toggle(SOURCES.map, 'place', 'montevideo');
    await Promise.resolve();
    expect(within(grid).getByRole('columnheader', { name: 'Theme: Health, 0 messages' })).toBeInTheDocument();
  });
});

describe('Message × theme matrix', () => {
  it('lists the selected messages with a mark per theme; a row opens the message in a dialog', async () => {
    const { region, user, state } = setup();
    state().toggle(SOURCES.matrix, 'cell', '*|housing');
    await user.click(within(region).getByRole('button', { name: 'Messages × themes' }));
    const grid = await within(region).findByRole('grid', { name: 'Themes of each message' });
    expect(within(grid).getAllByRole('rowheader', { name: /: open$/ })).toHaveLength(2);
    expect(within(grid).getByRole('rowheader', { name: 'Topic 1: Housing' })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: /^Shelter and food.* × Health: yes$/ })).toHaveTextContent('●');
    await user.click(within(grid).getByRole('rowheader', { name: /^Shelter and food/ }));
    expect(state().openMessage).toBe('m-shelter');
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByRole('heading', { level: 2, hidden: true })).toHaveTextContent('Shelter and food');
    await user.click(within(dialog).getByRole('button', { name: 'Close', hidden: true }));
    expect(state().openMessage).toBeNull();
  });
});
