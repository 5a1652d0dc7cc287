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
  it('shows the place, who spoke from there, its practices and its messages', async () => {
    const onclose = vi.fn();
    const lookup = buildLookup(data);
    render(PlaceDetails, {
      info: info('sao-paulo'),
      lookup,
      messages: [data.messages[3]!],
      practices: [data.messages[1]!],
      onclose,
    });
    const panel = screen.getByRole('region', { name: 'São Paulo' });
    expect(within(panel).getByText('Ana Example')).toBeInTheDocument();
    expect(within(panel).getByText(/Brazil · city · Representative/)).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Practices cited here' })).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Messages under the current filters (1)' })).toBeInTheDocument();
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Close the details of São Paulo' }));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('says so when the filters leave the place no message', () => {
    render(PlaceDetails, {
      info: info('quito'),
      lookup: buildLookup(data),
      messages: [],
      practices: [],
      onclose: () => {},
    });
    expect(screen.getByText('None: the other filters leave this place no message.')).toBeInTheDocument();
    expect(screen.getByText('A forum (January 2020)')).toBeInTheDocument();
  });
});

describe('PlacesTable', () => {
  const counts = new Map([
    ['montevideo', 1],
    ['sao-paulo', 1],
    ['quito', 0],
  ]);

  it('lists every place with its columns, sorts, and selects', async () => {
    const onselect = vi.fn();
    render(PlacesTable, { infos, counts, picked: ['sao-paulo'], dimmed: (id: string) => id === 'quito', onselect });
    const user = userEvent.setup();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('columnheader', { name: /Messages/ })).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(table).getByRole('button', { name: /^Place/ }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Montevideo', 'Quito', 'São Paulo']);
    await user.click(within(table).getByRole('button', { name: /^Place/ }));
    expect(
      within(table)
        .getAllByRole('rowheader')
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
