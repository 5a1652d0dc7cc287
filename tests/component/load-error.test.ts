import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DatasetError } from '../../src/lib/data/fetchers';
import LoadError from '../../src/lib/ui/LoadError.svelte';

describe('LoadError', () => {
  it('names the first problems, and shows every other one on request: all fixed in one round', async () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({
      path: `Messages!H${i + 2}`,
      message: `unknown theme "t${i}"`,
    }));
    const ondismiss = vi.fn();
    render(LoadError, {
      error: new DatasetError('The workbook mine.xlsx is not valid: 12 problems.', errors),
      heading: '“mine.xlsx” could not be opened: the consultation on screen stays',
      ondismiss,
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe(
      '“mine.xlsx” could not be opened: the consultation on screen stays',
    );
    const visible = () =>
      within(alert)
        .getAllByRole('listitem')
        .filter((li) => li.checkVisibility?.() ?? !li.closest('details:not([open])'));
    expect(visible().map((li) => li.textContent)).toEqual(errors.slice(0, 8).map((e) => `${e.path}: ${e.message}`));
    await userEvent.click(within(alert).getByText('… and 4 more: show them'));
    expect(visible().map((li) => li.textContent)).toEqual(errors.map((e) => `${e.path}: ${e.message}`));
    await userEvent.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(ondismiss).toHaveBeenCalledOnce();
  });
});
