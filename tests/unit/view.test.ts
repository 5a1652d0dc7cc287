/**
 * The view contract (state/view.ts): every state a user can reach arrives whole through every
 * hand-off — the address (encode → decode), a reload, a copied link, the speaker window's message
 * (a real BroadcastChannel) and the offline file (the real file, its embedded block read back).
 * The property is shown to fail when the encoder drops any one parameter.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_ID } from '../../src/lib/data/embedded';
import { keepPristinePage, offlineCopy, offlineView, VIEW_KEY } from '../../src/lib/export/offline';
import type { PresentationMessage } from '../../src/lib/present/channel';
import {
  currentView,
  decodeView,
  EMPTY_VIEW,
  encodeView,
  FILTER_PARAMS,
  travels,
  VIEW_PARAMS,
  viewHref,
  type FilterParams,
  type View,
  type ViewSource,
} from '../../src/lib/state/view';
import { tinyDataset } from '../fixtures/tiny';

/** Text a user could type or a link could hold: any well-formed Unicode. */
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/);

const source: fc.Arbitrary<ViewSource> = fc.oneof(
  fc.constant({ kind: 'default' } as const),
  id.map((id) => ({ kind: 'bundled', id }) as const),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((url) => ({ kind: 'address', url }) as const),
  fc.tuple(nonEmpty, fc.nat(), fc.nat()).map(([name, hash, length]) => ({
    kind: 'file' as const,
    key: `${name}:${hash.toString(36)}-${length}`,
  })),
);

const filters: fc.Arbitrary<FilterParams> = fc.record(
  Object.fromEntries(FILTER_PARAMS.map((key) => [key, text])) as Record<keyof FilterParams, fc.Arbitrary<string>>,
  { requiredKeys: [] },
);

/** A parameter this app does not read (a mail's tracking, another tool's). */
const otherKey = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((k) => !VIEW_PARAMS.includes(k));

export const reachableView: fc.Arbitrary<View> = fc.record({
  source,
  lang: fc.option(fc.constantFrom('en', 'es', 'fr', 'pt'), { nil: null }),
  filters,
  message: fc.option(id, { nil: null }),
  presenting: fc.option(fc.record({ scene: fc.integer({ min: 1, max: 999 }), step: fc.integer({ min: 1, max: 99 }) }), {
    nil: null,
  }),
  story: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/), { nil: null }),
  speaker: fc.option(fc.stringMatching(/^[0-9a-f]{12}$/), { nil: null }),
  pseudo: fc.boolean(),
  other: fc.array(fc.tuple(otherKey, text), { maxLength: 3 }),
});

/** The view as the offline file keeps it: its own consultation inside, no speaker window's channel. */
const asOffline = (view: View): View => ({ ...view, source: EMPTY_VIEW.source, speaker: null });

/** Through a real BroadcastChannel, as the presentation tells its speaker window. */
async function throughChannel(view: View): Promise<View> {
  const sender = new BroadcastChannel('view-test');
  const receiver = new BroadcastChannel('view-test');
  const received = new Promise<PresentationMessage>((resolve) => {
    receiver.onmessage = (event: MessageEvent<PresentationMessage>) => resolve(event.data);
  });
  sender.postMessage({
    type: 'state',
    active: true,
    index: 0,
    step: 0,
    steps: 1,
    onStage: [],
    nextOnStage: [],
    startedAt: 0,
    scenes: [],
    view: encodeView(view).toString(),
  } satisfies PresentationMessage);
  const message = await received;
  sender.close();
  receiver.close();
  if (message.type !== 'state') throw new Error('not a state message');
  return decodeView(message.view);
}

/** Through the offline file itself: written by offlineCopy, its embedded block read back as the copy reads it. */
async function throughOfflineFile(view: View): Promise<View> {
  const file = await offlineCopy(tinyDataset(), view);
  const html = await file.text();
  const start = html.lastIndexOf(`<script type="application/json" id="${EMBEDDED_ID}">`);
  const json = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
  const saved = (JSON.parse(json) as Record<string, string>)[VIEW_KEY] ?? '';
  return decodeView(saved);
}

afterAll(() => history.replaceState(null, '', '/'));

describe('the view contract', () => {
  it('decodes what it encodes, for every reachable view', () => {
    fc.assert(
      fc.property(reachableView, (view) => {
        expect(decodeView(encodeView(view))).toEqual(view);
      }),
    );
  });

  it('a reload gives the same view: the address written, then read back by the page', () => {
    fc.assert(
      fc.property(reachableView, (view) => {
        history.replaceState(null, '', viewHref(view));
        expect(currentView()).toEqual(view);
      }),
    );
  });

  it('a copied link opens the same view elsewhere, whatever the page it was copied from', () => {
    fc.assert(
      fc.property(reachableView, fc.webUrl({ withQueryParameters: true, withFragments: true }), (view, base) => {
        expect(decodeView(new URL(viewHref(view, base)).search)).toEqual(view);
      }),
    );
  });

  it('the speaker window hears the same view over its channel', async () => {
    await fc.assert(
      fc.asyncProperty(reachableView, async (view) => {
        expect(await throughChannel(view)).toEqual(view);
      }),
      { numRuns: 30 },
    );
  });

  it('the offline file opens at the same view, with its own consultation inside', async () => {
    document.documentElement.innerHTML = `<head></head><body><script type="application/json" id="${EMBEDDED_ID}">{}</script></body>`;
    keepPristinePage();
    await fc.assert(
      fc.asyncProperty(reachableView, async (view) => {
        expect(await throughOfflineFile(view)).toEqual(asOffline(view));
      }),
      { numRuns: 30 },
    );
  });

  it('a view shown from a file cannot travel in a link; every other can', () => {
    fc.assert(
      fc.property(reachableView, (view) => {
        expect(travels(view)).toBe(view.source.kind !== 'file');
      }),
    );
  });

  it('keeps every parameter it does not use, in its order, and reads the first of a repeated one', () => {
    const view = decodeView('?utm_source=mail&place=montevideo&x=1&place=quito&present=yes&scene=2');
    expect(view.filters).toEqual({ place: 'montevideo' });
    expect(view.presenting).toBeNull();
    expect(view.other).toEqual([
      ['utm_source', 'mail'],
      ['x', '1'],
      ['place', 'quito'],
      ['present', 'yes'],
      ['scene', '2'],
    ]);
    expect(decodeView(encodeView(view))).toEqual(view);
  });

  it('names one consultation: an address first, then a file, then a bundled one; the others are kept', () => {
    const view = decodeView('?consultation=puebla-2020&data=https%3A%2F%2Fdata.example.org%2Fc.json');
    expect(view.source).toEqual({ kind: 'address', url: 'https://data.example.org/c.json' });
    expect(view.other).toEqual([['consultation', 'puebla-2020']]);
  });

  it('reads presenting at its scene and step (1 when not given or not a count)', () => {
    expect(decodeView('?present=1&scene=4&step=2').presenting).toEqual({ scene: 4, step: 2 });
    expect(decodeView('?present=1').presenting).toEqual({ scene: 1, step: 1 });
    expect(decodeView('?present=1&scene=0&step=x')).toMatchObject({
      presenting: { scene: 1, step: 1 },
      other: [
        ['scene', '0'],
        ['step', 'x'],
      ],
    });
  });

  it('the offline file keeps no source and no speaker channel of the page it was made from', () => {
    expect(
      offlineView({ ...EMPTY_VIEW, source: { kind: 'bundled', id: 'x' }, speaker: 'abc', filters: { q: 'fund' } }),
    ).toBe('?q=fund');
  });
});

describe('the property can fail: an encoder that drops any one parameter is caught', () => {
  /** Views that hold `param`, so dropping it must show. */
  const holding = (param: string) =>
    reachableView.filter((view) => encodeView(view).has(param) && !view.other.some(([key]) => key === param));

  it.each(VIEW_PARAMS)('drops %s', (param) => {
    const broken = (view: View) => {
      const params = encodeView(view);
      params.delete(param);
      return params;
    };
    const result = fc.check(
      fc.property(holding(param), (view) => {
        expect(decodeView(broken(view))).toEqual(view);
      }),
      { numRuns: 200 },
    );
    expect(result.failed).toBe(true);
  });
});
