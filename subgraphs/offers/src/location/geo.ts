/** Mean Earth radius in km (IUGG), the one the SQL function `offers.distance_km` uses too. */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/**
 * A box holding every point within `radiusKm` of the centre: the indexed pre-filter before the exact distance.
 * Slightly generous (never misses a point); near the poles it spans every longitude.
 */
export function boundingBox(latitude: number, longitude: number, radiusKm: number): BoundingBox {
  const latitudeDelta = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const minLatitude = Math.max(-90, latitude - latitudeDelta);
  const maxLatitude = Math.min(90, latitude + latitudeDelta);
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude));
  if (widest >= 89.9) return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 };
  const longitudeDelta = latitudeDelta / Math.cos(radians(widest));
  return {
    minLatitude,
    maxLatitude,
    minLongitude: Math.max(-180, longitude - longitudeDelta),
    maxLongitude: Math.min(180, longitude + longitudeDelta),
  };
}
