import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import { placeInfos } from '../../src/lib/scales/places';
import MapLegend from '../../src/lib/views/map/MapLegend.svelte';
import PlaceDetails from '../../src/lib/views/map/PlaceDetails.svelte';
import PlaceMarker from '../../src/lib/views/map/PlaceMarker.svelte';
import PlacesTable from '../../src/lib/views/map/PlacesTable.svelte';
import { tinyDataset } from '../fixtures/tiny';

const data = tinyDataset();
const infos = placeInfos(data);
const info = (id: string) => infos.find((i) => i.place.id === id)!;

describe('PlaceMarker', () => {
  const props = { id: 'montevideo', roles: ['representative', 'practice'] as const, size: 30, x: 100, y: 50, z: 1 };

  it('is a button named by its place and count, pressed when selected', async () => {
    const onselect = vi.fn();
    render(PlaceMarker, {
      ...props,
      roles: [...props.roles],
      name: 'Montevideo, Uruguay: 2 messages',
      dimmed: false,
      selected: true,
      onselect,
    });
    const button = screen.getByRole('button', { name: 'Montevideo, Uruguay: 2 messages', pressed: true });
    await userEvent.setup().click(button);
    expect(onselect).toHaveBeenCalledOnce();
    expect(button.style.width).toBe('30px');
    expect(button.style.transform).toBe('translate(85px, 35px)');
  });

  it('draws one shape per role: the first large, the others as badges', () => {
    render(PlaceMarker, {
      ...props,
      roles: [...props.roles],
      name: 'X',
      dimmed: true,
      selected: false,
      onselect: () => {},
    });
    const button = screen.getByRole('button', { name: 'X', pressed: false });
    expect(button.querySelector('.role-representative circle')).not.toBeNull();
    expect(button.querySelector('.role-practice rect')).not.toBeNull();
    expect(button.querySelector('.role-practice')?.getAttribute('transform')).toContain('scale(0.5)');
    expect(button).toHaveClass('dimmed');
  });
});

describe('MapLegend', () => {
  it('says what every shape, the dimming and the size mean', () => {
    render(MapLegend, { maxCount: 3, size: () => 20 });
    const legend = screen.getByRole('group', { name: 'Map legend' });
    for (const text of [
      'A representative works here',
      'A practice is cited here',
      'An event took place here',
      'Mentioned in a message',
      'No message under the current filters',
      '1–3 messages',
    ]) {
      expect(within(legend).getByText(text)).toBeInTheDocument();
    }
  });
});

describe('PlaceDetails', () => {
  const lookup = buildLookup(data);
  const base = { dataset: data, lookup, pickedSessions: [] as string[], onsession: () => {}, onclose: () => {} };

  it('names who took part from the place, their role and the session they spoke in, which a click filters', async () => {
    const onsession = vi.fn();
    const onclose = vi.fn();
    render(PlaceDetails, {
      ...base,
      places: [{ info: info('sao-paulo'), passing: [data.messages[3]!] }],
      onsession,
      onclose,
    });
    const panel = screen.getByRole('region', { name: 'São Paulo' });
    expect(within(panel).getByRole('heading', { name: 'Who took part from here' })).toBeInTheDocument();
    expect(within(panel).getByText('Ana Example')).toBeInTheDocument();
    expect(within(panel).getByText(/Mayor/)).toBeInTheDocument();
    expect(within(panel).getByText(/Brazil · city · Representative/)).toBeInTheDocument();
    const session = within(panel).getByRole('button', { name: 'Spoke in Breakout 2, 11 June 2020' });
    expect(session).toHaveAttribute('aria-pressed', 'false');
    await userEvent.setup().click(session);
    expect(onsession).toHaveBeenCalledWith('breakout-2', expect.any(MouseEvent));
    expect(within(panel).getByRole('heading', { name: 'Practices and quotes from here' })).toBeInTheDocument();
    expect(within(panel).getByText('Health care must reach everyone.', { exact: false })).toBeInTheDocument();

    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Close the details of São Paulo' }));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('says why a place where someone spoke has no message under the filters', () => {
    render(PlaceDetails, { ...base, places: [{ info: info('sao-paulo'), passing: [] }] });
    const why = screen.getByText(/^No message of its own: its people spoke in/);
    expect(why.textContent).toBe(
      'No message of its own: its people spoke in Breakout 2, 11 June 2020; the report attributes its takeaways to the session, not to single speakers.',
    );
    // The session's name is the report's words, read in its language.
    expect(within(why).getByText('Breakout 2').getAttribute('lang')).toBe('en');
  });

  it('says so when the filters leave a place no one spoke from no message', () => {
    render(PlaceDetails, { ...base, places: [{ info: info('quito'), passing: [] }] });
    expect(screen.getByText('None: the other filters leave this place no message.')).toBeInTheDocument();
    expect(screen.getByText('A forum (January 2020)')).toBeInTheDocument();
  });

  it('lists the messages that name the place and says which of them are its own, listed above', () => {
    const mention = { ...data.messages[2]!, id: 'm-mention', label: 'A takeaway that names Montevideo' };
    render(PlaceDetails, { ...base, places: [{ info: info('montevideo'), passing: [data.messages[1]!, mention] }] });
    const panel = screen.getByRole('region', { name: 'Montevideo' });
    expect(
      within(panel).getByRole('heading', { name: 'Messages that name it, under the current filters (2)' }),
    ).toBeInTheDocument();
    expect(within(panel).getByText('A takeaway that names Montevideo')).toBeInTheDocument();
    expect(within(panel).getByText('And 1 of its own, listed above.')).toBeInTheDocument();
  });

  it('lists who spoke from a place and does not give them the takeaways that name it', () => {
    const mention = { ...data.messages[4]!, placeIds: ['sao-paulo'] };
    render(PlaceDetails, { ...base, places: [{ info: info('sao-paulo'), passing: [data.messages[3]!, mention] }] });
    const panel = screen.getByRole('region', { name: 'São Paulo' });
    expect(within(panel).getByText('Ana Example')).toBeInTheDocument();
    expect(within(panel).getByText('The report ties its takeaways to sessions, not to speakers.')).toBeInTheDocument();
    expect(within(panel).getByText('And 1 of its own, listed above.')).toBeInTheDocument();
  });

  it('shows two picked places side by side, each with its own heading', () => {
    render(PlaceDetails, {
      ...base,
      places: [
        { info: info('montevideo'), passing: [data.messages[1]!] },
        { info: info('sao-paulo'), passing: [] },
      ],
    });
    const panel = screen.getByRole('region', { name: 'Montevideo, São Paulo' });
    const columns = within(panel).getAllByRole('region');
    expect(columns.map((c) => c.getAttribute('aria-labelledby'))).toEqual(['place-montevideo', 'place-sao-paulo']);
    expect(within(columns[0]!).getByRole('heading', { name: 'Montevideo' })).toBeInTheDocument();
    expect(within(columns[1]!).getByRole('button', { name: /Spoke in Breakout 2/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close the details of Montevideo, São Paulo' })).toBeInTheDocument();
  });
});

describe('PlacesTable', () => {
  const counts = new Map([
    ['montevideo', 1],
    ['sao-paulo', 1],
    ['quito', 0],
  ]);

  it('lists every place, grouped by world region, with its columns, sorts, and selects', async () => {
    const onselect = vi.fn();
    render(PlacesTable, {
      infos,
      counts,
      picked: ['sao-paulo'],
      dimmed: (id: string) => id === 'quito',
      onselect,
      lang: 'en',
    });
    const user = userEvent.setup();
    const table = screen.getByRole('table');
    // A header row, a region's row (all three places are in South America), a row a place.
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(within(table).getByText('Latin America')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Messages/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(table).getByRole('button', { name: /^Place/ }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .filter((h) => !h.closest('tr.group'))
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Montevideo', 'Quito', 'São Paulo']);
    await user.click(within(table).getByRole('button', { name: /^Place/ }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .filter((h) => !h.closest('tr.group'))
        .map((h) => h.textContent?.trim()),
    ).toEqual(['São Paulo', 'Quito', 'Montevideo']);
    expect(within(table).getByRole('button', { name: /^São Paulo, Brazil \(.*\): 1 message$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(table).getByRole('button', { name: /^Quito, Ecuador \(.*\): 0 messages$/ }));
    expect(onselect).toHaveBeenCalledWith('quito', expect.any(MouseEvent));
  });
});
