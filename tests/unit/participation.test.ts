/** Who took part, from where, in which session; and the world regions places belong to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import { peopleAt, sessionsOf, sessionsSpokenFrom, sessionsSpokenIn } from '../../src/lib/data/participation';
import { whyNoMessages } from '../../src/lib/views/map/place-words';
import { regionCodes, regionName, regionsOf } from '../../src/lib/data/regions';
import type { Dataset } from '../../src/lib/data/schema';
import { buildIndex, resolve, setClause, withRegions } from '../../src/lib/filters';

const puebla = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const lookup = buildLookup(puebla);

describe('participation', () => {
  it('finds the session a person spoke in through their topic', () => {
    const [person] = peopleAt('mechelen', puebla);
    expect(person?.name).toBe('Alexander Van Leuven');
    expect(sessionsOf(person!, lookup).map((s) => [s.id, s.date])).toEqual([['narratives-session', '2020-06-18']]);
  });

  it('says why a place where someone spoke has no message of its own', () => {
    expect(whyNoMessages(sessionsSpokenFrom('mechelen', puebla, lookup))).toBe(
      'spoke in Thematic breakout session on narratives, 18 June 2020; the report attributes its takeaways to the session, not to single speakers',
    );
    expect(whyNoMessages(sessionsSpokenFrom('marrakesh', puebla, lookup))).toBeUndefined();
  });

  it('gathers the sessions of the picked places’ people and of the picked people', () => {
    expect([...sessionsSpokenIn(['sao-paulo'], [], puebla, lookup)]).toEqual(['narratives-session']);
    expect([...sessionsSpokenIn([], ['alexander-van-leuven'], puebla, lookup)].sort()).toEqual(
      sessionsOf(lookup.people.get('alexander-van-leuven')!, lookup).map((s) => s.id),
    );
    expect(sessionsSpokenIn([], [], puebla, lookup).size).toBe(0);
  });
});

describe('world regions (UN M49, from CLDR)', () => {
  it.each([
    ['UY', '419', '005'],
    ['MX', '419', '013'],
    ['US', '021', '021'],
    ['CA', '021', '021'],
    ['BE', '150', '155'],
    ['IT', '150', '039'],
    ['MA', '002', '015'],
    ['AE', '142', '145'],
  ])('%s is in group %s, sub-region %s', (country, group, subregion) => {
    expect(regionsOf(country)).toEqual({ group, subregion });
  });

  it('names regions as the browser does, and knows no code it has no data for', () => {
    expect(regionName('419')).toBe('Latin America');
    expect(regionName('145')).toBe('Western Asia');
    expect(regionsOf('ZZ')).toBeUndefined();
    expect(regionCodes('US')).toEqual(['021']);
    expect(regionCodes('UY')).toEqual(['419', '005']);
  });

  it('a region filter covers the messages of its places', () => {
    const index = withRegions(buildIndex(puebla), regionCodes);
    const latin = resolve(index, [setClause('regions', 'region', ['419'])]);
    const places = puebla.places.filter((p) => regionCodes(p.countryCode).includes('419')).map((p) => p.id);
    const byPlaces = resolve(index, [setClause('map', 'place', places)]);
    expect(latin.count()).toBe(byPlaces.count());
    expect(latin.count()).toBeGreaterThan(0);
    expect(latin.count()).toBeLessThan(puebla.messages.length);
  });
});
