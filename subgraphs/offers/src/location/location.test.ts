import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm } from './geo.js';
import { cityKey, findCity } from './gazetteer.js';

// The demo world's cities (scripts/demo/names.ts CITIES and the universities' towns).
const DEMO_CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille', 'Nantes', 'Strasbourg', 'Grenoble', 'Montpellier', 'Rennes', 'Nice'];

describe('gazetteer', () => {
  it('should place every demo city in France', () => {
    for (const city of DEMO_CITIES) {
      const place = findCity(city);
      expect(place, city).toBeDefined();
      expect(place!.latitude, city).toBeGreaterThan(41);
      expect(place!.latitude, city).toBeLessThan(51.2);
      expect(place!.longitude, city).toBeGreaterThan(-5);
      expect(place!.longitude, city).toBeLessThan(9.6);
    }
  });

  it('should find a city whatever the case, accents, hyphens or abbreviation', () => {
    expect(findCity('saint etienne')?.city).toBe('Saint-Étienne');
    expect(findCity('ST-ETIENNE')?.city).toBe('Saint-Étienne');
    expect(findCity('  nîmes ')?.city).toBe('Nîmes');
    expect(findCity("Villeneuve-d'Ascq")?.city).toBe('Villeneuve-d’Ascq');
    expect(findCity('Atlantis')).toBeUndefined();
    expect(cityKey('Aix-en-Provence')).toBe('aix en provence');
  });

  it('should agree with known distances between cities', () => {
    const [paris, lyon, marseille] = ['Paris', 'Lyon', 'Marseille'].map((city) => findCity(city)!);
    expect(distanceKm(paris!.latitude, paris!.longitude, lyon!.latitude, lyon!.longitude)).toBeCloseTo(392, -1);
    expect(distanceKm(lyon!.latitude, lyon!.longitude, marseille!.latitude, marseille!.longitude)).toBeCloseTo(278, -1);
    expect(distanceKm(1, 2, 1, 2)).toBe(0);
  });
});

describe('bounding box', () => {
  it('should hold every point within the radius', () => {
    const lyon = findCity('Lyon')!;
    const box = boundingBox(lyon.latitude, lyon.longitude, 50);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      // A point 49.9 km away in each direction (small-distance approximation).
      const dLat = (49.9 / 111.2) * Math.cos((bearing * Math.PI) / 180);
      const dLon = ((49.9 / 111.2) * Math.sin((bearing * Math.PI) / 180)) / Math.cos((lyon.latitude * Math.PI) / 180);
      const [lat, lon] = [lyon.latitude + dLat, lyon.longitude + dLon];
      expect(distanceKm(lyon.latitude, lyon.longitude, lat, lon)).toBeLessThan(50.5);
      expect(lat).toBeGreaterThanOrEqual(box.minLatitude);
      expect(lat).toBeLessThanOrEqual(box.maxLatitude);
      expect(lon).toBeGreaterThanOrEqual(box.minLongitude);
      expect(lon).toBeLessThanOrEqual(box.maxLongitude);
    }
  });

  it('should span every longitude near a pole', () => {
    expect(boundingBox(89.95, 10, 20)).toMatchObject({ minLongitude: -180, maxLongitude: 180 });
  });
});
