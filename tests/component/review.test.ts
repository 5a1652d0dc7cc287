/**
 * The review's parts as a staffer sees them: each proposed message is an article named by its
 * label, with its kind, themes (suggested first) and decisions as labelled controls; the
 * details name every field of the consultation, its people and its places.
 */
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { readMarkdown } from '../../src/lib/report/markdown';
import { Review } from '../../src/lib/report/review.svelte';
import ReviewCard from '../../src/lib/report/ReviewCard.svelte';
import ReviewDetails from '../../src/lib/report/ReviewDetails.svelte';
import { readStructure } from '../../src/lib/report/structure';

const bundled = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const REPORT = `# Coastal dialogue

May 2021

## Session 1: Housing

### Speakers

- Lena Fischer, Director of Housing, Hamburg, Germany

### Key takeaways

- **Secure land tenure** is the first step to durable housing. Cities asked for dedicated finance.

> “Housing is where climate policy meets people, every single day.” — Lena Fischer, Hamburg
`;
const countries = {
  centre: () => [53.55, 10] as [number, number],
  name: (code: string) => (code === 'DE' ? 'Germany' : code),
};
const review = () => new Review('coastal.md', readStructure(readMarkdown(REPORT)), bundled.themes, countries);

function renderCard(r: Review, item: Review['items'][number], ondecide = vi.fn()) {
  return render(ReviewCard, { review: r, item, lit: false, lang: 'en', onshow: vi.fn(), ondecide, onreshape: vi.fn() });
}

describe('a proposed message', () => {
  it('is an article named by its label, with its words, where it came from, and its kind', () => {
    const r = review();
    renderCard(r, r.items[0]!);
    const card = screen.getByRole('article', { name: 'Secure land tenure' });
    expect(card).toHaveAccessibleDescription('To review');
    expect(within(card).getByText('Secure land tenure', { selector: 'strong' })).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Secure land tenure' })).toBeInTheDocument();
    expect(within(card).getByText(/^From: Session 1: Housing › Key takeaways/)).toBeInTheDocument();
    expect(within(card).getByRole('combobox', { name: 'Kind' })).toHaveValue('takeaway');
  });

  it('offers its suggested themes as checkboxes, and any other theme of the codebook', async () => {
    const r = review();
    renderCard(r, r.items[0]!);
    const themes = screen.getByRole('group', { name: 'Themes' });
    const boxes = within(themes).getAllByRole('checkbox');
    expect(boxes).toHaveLength(r.suggestions(r.items[0]!).length);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toHaveAccessibleName(expect.stringMatching(/\(suggested\)$/));
    await userEvent.click(boxes[0]!);
    expect(r.items[0]!.themeIds).toHaveLength(1);
    const other = within(themes).getByRole('combobox', { name: 'Another theme for: Secure land tenure' });
    expect(within(other).getAllByRole('option').length).toBeGreaterThan(10);
    // Choosing is not adding (a select's change fires on each arrow key): Add adds.
    const chosen = (within(other).getAllByRole('option')[1] as HTMLOptionElement).value;
    await userEvent.selectOptions(other, chosen);
    expect(r.items[0]!.themeIds).not.toContain(chosen);
    await userEvent.click(within(themes).getByRole('button', { name: 'Add the theme: Secure land tenure' }));
    expect(r.items[0]!.themeIds).toContain(chosen);
  });

  it('is decided by its Accept and Reject, named with its label; splitting waits for a sentence to split after', async () => {
    const r = review();
    const ondecide = vi.fn();
    renderCard(r, r.items[0]!, ondecide);
    await userEvent.click(screen.getByRole('button', { name: 'Accept: Secure land tenure' }));
    expect(ondecide).toHaveBeenCalledWith('accept');
    await userEvent.click(screen.getByRole('button', { name: 'Reject: Secure land tenure' }));
    expect(ondecide).toHaveBeenLastCalledWith('reject');
    const split = screen.getByRole('button', { name: 'Split: Secure land tenure' });
    expect(split).toHaveAttribute('aria-disabled', 'true');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Where to split: Secure land tenure' }), '1');
    await userEvent.click(split);
    expect(r.items.map((i) => i.text)).toContain('Cities asked for dedicated finance.');
  });

  it('names the speaker of a quote, chosen among the report’s people', () => {
    const r = review();
    const quote = r.items.find((i) => i.kind === 'quote')!;
    renderCard(r, quote);
    const speaker = screen.getByRole('combobox', { name: 'Speaker' }) as HTMLSelectElement;
    expect(speaker.selectedOptions[0]!.textContent).toBe('Lena Fischer');
  });
});

describe('the consultation’s details', () => {
  it('name every field: the title, the date, the sessions, each person’s role and place, each place’s coordinates', async () => {
    const r = review();
    render(ReviewDetails, { review: r, countries: [{ code: 'DE', name: 'Germany' }] });
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Coastal dialogue');
    expect(screen.getByLabelText('Published (month)')).toHaveValue('2021-05');
    expect(screen.getByRole('textbox', { name: 'Role of Lena Fischer' })).toHaveValue('Director of Housing');
    expect(screen.getByRole('combobox', { name: 'Place of Lena Fischer' })).toHaveDisplayValue('Hamburg');
    // A decimal comma is read as a point; a latitude out of range is said so, beside its box.
    await userEvent.type(screen.getByRole('textbox', { name: 'Latitude of Hamburg' }), '53,55');
    await userEvent.tab();
    expect(r.places[0]!.lat).toBe(53.55);
    const longitude = screen.getByRole('textbox', { name: 'Longitude of Hamburg' });
    await userEvent.type(longitude, '200');
    await userEvent.tab();
    expect(longitude).toHaveAttribute('aria-invalid', 'true');
    expect(longitude).toHaveAccessibleDescription('A longitude is between -180 and 180.');
    expect(r.places[0]!.lon).toBeUndefined();
    const add = screen.getByRole('form', { name: 'Add a person' });
    await userEvent.type(within(add).getByRole('textbox', { name: 'Name' }), 'Rahul Mehta');
    await userEvent.click(within(add).getByRole('button', { name: 'Add the person' }));
    expect(screen.getByRole('textbox', { name: 'Name of person 2' })).toHaveValue('Rahul Mehta');
  });
});
