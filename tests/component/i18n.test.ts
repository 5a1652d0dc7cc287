/**
 * The interface's language as a user meets it in the components: the picker switches every word
 * at once, the report's words keep their own language, and a translation the dataset carries is
 * shown marked as one, the original a click away.
 */
import { flushSync } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/lib/i18n/i18n.svelte';
import Header from '../../src/lib/ui/Header.svelte';
import MessagesView from '../../src/lib/views/messages/MessagesView.svelte';
import { tinyDataset } from '../fixtures/tiny';
import WithDashboard from './WithDashboard.svelte';

afterEach(async () => {
  await setLocale('en');
});

describe('the interface’s language', () => {
  it('the picker switches every word at once, and the report’s words stay in English', async () => {
    const user = userEvent.setup();
    render(WithDashboard, { dataset: tinyDataset(), views: [Header, MessagesView] });
    const picker = screen.getByRole('combobox', { name: 'Interface language' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['English', 'Español', 'Français', 'Português']);
    expect(screen.getByRole('region', { name: 'Messages' })).toBeInTheDocument();
    await user.selectOptions(picker, 'fr');
    // French loads on demand: the picker's own name changes with the rest.
    await screen.findByRole('combobox', { name: 'Langue de l’interface' });
    flushSync();
    expect(screen.getByRole('button', { name: 'Effacer tous les filtres' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Langue de l’interface' })).toHaveValue('fr');
    expect(screen.getByText((_, el) => el?.classList.contains('message-count') ?? false)).toHaveTextContent(
      '5 sur 5 messages',
    );
    expect(document.documentElement.lang).toBe('fr');
    // The report's title stays as it was written, in its language.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Tiny consultation');
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  });

  it('shows a translation the dataset has, marked, with the original one click away', async () => {
    const user = userEvent.setup();
    const dataset = tinyDataset();
    const message = dataset.messages.find((m) => m.kind !== 'quote')!;
    dataset.translations = {
      es: {
        note: 'Secretaría, revisada',
        messages: { [message.id]: { label: 'Etiqueta traducida', text: 'Texto traducido.' } },
      },
    };
    await setLocale('es');
    render(WithDashboard, { dataset, views: [MessagesView] });
    const card = screen.getByRole('article', { name: 'Etiqueta traducida' });
    expect(within(card).getByText('Texto traducido.')).toHaveAttribute('lang', 'es');
    expect(within(card).getByText('Traducción')).toBeInTheDocument();
    expect(within(card).getByText('Traducción: Secretaría, revisada')).toBeInTheDocument();
    // The original: the report's words, in its language.
    await user.click(within(card).getByRole('button', { name: 'Ver el original' }));
    const original = screen.getByRole('article', { name: message.label });
    expect(original.querySelector('.text')).toHaveTextContent(message.text);
    expect(original.querySelector('.text')).toHaveAttribute('lang', 'en');
    expect(within(original).getByRole('button', { name: 'Ver la traducción' })).toHaveAttribute('aria-pressed', 'true');
    // Other messages, with no translation, are as the report wrote them and carry no mark.
    const others = screen.getAllByRole('article').filter((a) => a !== original);
    for (const other of others) expect(within(other).queryByText('Traducción')).toBeNull();
  });

  it('shows no translation in the report’s own language', async () => {
    const dataset = tinyDataset();
    const message = dataset.messages[0]!;
    dataset.translations = { es: { note: 'x', messages: { [message.id]: { label: 'Etiqueta traducida' } } } };
    render(WithDashboard, { dataset, views: [MessagesView] });
    expect(screen.queryByRole('article', { name: 'Etiqueta traducida' })).toBeNull();
    expect(screen.getByRole('article', { name: message.label })).toBeInTheDocument();
  });
});
