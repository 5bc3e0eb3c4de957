// A small gazetteer of French cities (commune centres, WGS 84, rounded to 4 decimals ≈ 10 m): enough to place an
// offer or a search without an external geocoding service. It covers the prefectures and larger communes, the
// university towns and the business districts where internships are offered.

export interface Place {
  city: string;
  latitude: number;
  longitude: number;
}

const CITIES: ReadonlyArray<readonly [string, number, number]> = [
  ['Paris', 48.8566, 2.3522],
  ['Marseille', 43.2965, 5.3698],
  ['Lyon', 45.764, 4.8357],
  ['Toulouse', 43.6047, 1.4442],
  ['Nice', 43.7102, 7.262],
  ['Nantes', 47.2184, -1.5536],
  ['Montpellier', 43.6108, 3.8767],
  ['Strasbourg', 48.5734, 7.7521],
  ['Bordeaux', 44.8378, -0.5792],
  ['Lille', 50.6292, 3.0573],
  ['Rennes', 48.1173, -1.6778],
  ['Reims', 49.2583, 4.0317],
  ['Toulon', 43.1242, 5.928],
  ['Saint-Étienne', 45.4397, 4.3872],
  ['Le Havre', 49.4944, 0.1079],
  ['Grenoble', 45.1885, 5.7245],
  ['Dijon', 47.322, 5.0415],
  ['Angers', 47.4784, -0.5632],
  ['Nîmes', 43.8367, 4.3601],
  ['Villeurbanne', 45.7719, 4.8902],
  ['Clermont-Ferrand', 45.7772, 3.087],
  ['Le Mans', 48.0061, 0.1996],
  ['Aix-en-Provence', 43.5297, 5.4474],
  ['Brest', 48.3904, -4.4861],
  ['Tours', 47.3941, 0.6848],
  ['Amiens', 49.8941, 2.2958],
  ['Limoges', 45.8336, 1.2611],
  ['Annecy', 45.8992, 6.1294],
  ['Perpignan', 42.6887, 2.8948],
  ['Boulogne-Billancourt', 48.8397, 2.2399],
  ['Metz', 49.1193, 6.1757],
  ['Besançon', 47.2378, 6.0241],
  ['Orléans', 47.903, 1.9093],
  ['Saint-Denis', 48.9362, 2.3574],
  ['Argenteuil', 48.9472, 2.2467],
  ['Rouen', 49.4432, 1.0999],
  ['Montreuil', 48.8638, 2.4485],
  ['Mulhouse', 47.7508, 7.3359],
  ['Caen', 49.1829, -0.3707],
  ['Nancy', 48.6921, 6.1844],
  ['Tourcoing', 50.7239, 3.1612],
  ['Roubaix', 50.6942, 3.1746],
  ['Nanterre', 48.8924, 2.2071],
  ['Vitry-sur-Seine', 48.7875, 2.3928],
  ['Avignon', 43.9493, 4.8055],
  ['Créteil', 48.7904, 2.4556],
  ['Poitiers', 46.5802, 0.3404],
  ['Pau', 43.2951, -0.3708],
  ['La Rochelle', 46.1603, -1.1511],
  ['Versailles', 48.8049, 2.1204],
  ['Courbevoie', 48.8973, 2.2522],
  ['Puteaux', 48.8846, 2.2389],
  ['La Défense', 48.892, 2.2362],
  ['Issy-les-Moulineaux', 48.8245, 2.27],
  ['Levallois-Perret', 48.895, 2.287],
  ['Neuilly-sur-Seine', 48.8846, 2.2697],
  ['Saint-Nazaire', 47.2735, -2.2138],
  ['Calais', 50.9513, 1.8587],
  ['Cannes', 43.5528, 7.0174],
  ['Antibes', 43.5804, 7.1251],
  ['Sophia Antipolis', 43.6163, 7.0552],
  ['Ajaccio', 41.9192, 8.7386],
  ['Bastia', 42.6977, 9.4508],
  ['Valence', 44.9334, 4.8924],
  ['Chambéry', 45.5646, 5.9178],
  ['Lorient', 47.7483, -3.3702],
  ['Quimper', 47.996, -4.1024],
  ['Vannes', 47.6582, -2.7608],
  ['Saint-Malo', 48.6493, -2.0257],
  ['Saint-Brieuc', 48.5141, -2.7603],
  ['Lannion', 48.7326, -3.4566],
  ['Troyes', 48.2973, 4.0744],
  ['Niort', 46.3237, -0.4588],
  ['Bayonne', 43.4929, -1.4748],
  ['Biarritz', 43.4832, -1.5586],
  ['Béziers', 43.3442, 3.2158],
  ['Colmar', 48.0794, 7.3585],
  ['Cergy', 49.0364, 2.0761],
  ['Évry-Courcouronnes', 48.624, 2.441],
  ['Massy', 48.7309, 2.2713],
  ['Palaiseau', 48.7145, 2.2457],
  ['Saclay', 48.7303, 2.1692],
  ['Guyancourt', 48.7733, 2.0739],
  ['Blagnac', 43.6364, 1.3906],
  ['Mérignac', 44.8386, -0.6436],
  ['Villeneuve-d’Ascq', 50.6233, 3.145],
  ['Arras', 50.291, 2.7775],
  ['Dunkerque', 51.0343, 2.3768],
  ['Lens', 50.4329, 2.8333],
  ['Douai', 50.3714, 3.08],
  ['Valenciennes', 50.357, 3.5235],
  ['Cherbourg-en-Cotentin', 49.6398, -1.6163],
  ['Laval', 48.0707, -0.7734],
  ['Angoulême', 45.6484, 0.1562],
  ['Brive-la-Gaillarde', 45.1588, 1.5321],
  ['Albi', 43.9289, 2.1464],
  ['Montauban', 44.0176, 1.355],
  ['Tarbes', 43.2328, 0.0781],
  ['Agen', 44.2033, 0.6163],
  ['Carcassonne', 43.213, 2.3491],
  ['Narbonne', 43.1839, 3.0042],
  ['Arles', 43.6766, 4.6278],
  ['Gap', 44.5594, 6.0786],
  ['Bourges', 47.081, 2.3988],
  ['Chartres', 48.4439, 1.489],
  ['Blois', 47.5861, 1.3359],
  ['Auxerre', 47.7982, 3.5673],
  ['Belfort', 47.6397, 6.8638],
  ['Épinal', 48.1724, 6.4496],
  ['Charleville-Mézières', 49.762, 4.7264],
  ['Beauvais', 49.4295, 2.0807],
  ['Compiègne', 49.4179, 2.8261],
  ['Évreux', 49.0241, 1.1508],
  ['La Roche-sur-Yon', 46.6705, -1.426],
  ['Cholet', 47.06, -0.8793],
  ['Mâcon', 46.3069, 4.8287],
  ['Chalon-sur-Saône', 46.7806, 4.8539],
  ['Roanne', 46.034, 4.0726],
  ['Villefranche-sur-Saône', 45.9893, 4.7185],
  ['Annemasse', 46.1934, 6.2342],
  ['Aurillac', 44.9264, 2.4397],
  ['Rodez', 44.3506, 2.575],
  ['Cahors', 44.4475, 1.4419],
  ['Mont-de-Marsan', 43.8902, -0.4994],
  ['Périgueux', 45.1846, 0.7214],
  ['Fréjus', 43.433, 6.737],
  ['Hyères', 43.1204, 6.1286],
  ['Aubagne', 43.2927, 5.5708],
  ['Martigues', 43.4053, 5.0475],
  ['Istres', 43.5151, 4.9895],
  ['Salon-de-Provence', 43.6403, 5.0973],
  ['Sète', 43.4028, 3.6975],
  ['Alès', 44.125, 4.081],
  ['Vichy', 46.1277, 3.4259],
  ['Moulins', 46.5646, 3.3326],
  ['Nevers', 46.9908, 3.159],
  ['Châteauroux', 46.8103, 1.6913],
  ['Le Puy-en-Velay', 45.0434, 3.8858],
];

// "St-Étienne", "saint etienne" and "SAINT-ÉTIENNE" name the same place.
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/^st /, 'saint '],
  [/^ste /, 'sainte '],
];

/** A city name folded for comparison: no case, accents, ligatures, hyphens or apostrophes. */
export function cityKey(name: string): string {
  let key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[’'`\-‐–_.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, replacement] of ABBREVIATIONS) key = key.replace(pattern, replacement);
  return key;
}

const BY_KEY = new Map<string, Place>(CITIES.map(([city, latitude, longitude]) => [cityKey(city), { city, latitude, longitude }]));
// Common other names of the same places.
for (const [alias, city] of [['Cergy Pontoise', 'Cergy'], ['Evry', 'Évry-Courcouronnes'], ['Cherbourg', 'Cherbourg-en-Cotentin'], ['Paris La Defense', 'La Défense'], ['Le Puy', 'Le Puy-en-Velay']] as const) {
  BY_KEY.set(cityKey(alias), BY_KEY.get(cityKey(city))!);
}

/** The place of a French city by name (any case or accents), or undefined when the gazetteer does not know it. */
export const findCity = (name: string): Place | undefined => BY_KEY.get(cityKey(name));

/** Every city the gazetteer knows, by its usual name. */
export const knownCities = (): Place[] => CITIES.map(([city, latitude, longitude]) => ({ city, latitude, longitude }));
