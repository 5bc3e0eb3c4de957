// Fictional but plausible French demo data. Universities are real institutions (public names); enterprises,
// people and e-mail addresses are invented, addresses use the reserved .example domain.

export const UNIVERSITIES = [
  { name: 'Université Paris Cité', acronym: 'UPC', city: 'Paris', uai: '0756304U', website: 'https://u-paris.fr' },
  { name: 'Sorbonne Université', acronym: 'SU', city: 'Paris', uai: '0755890V', website: 'https://www.sorbonne-universite.fr' },
  { name: 'Université Claude Bernard Lyon 1', acronym: 'UCBL', city: 'Lyon', uai: '0691774D', website: 'https://www.univ-lyon1.fr' },
  { name: 'Aix-Marseille Université', acronym: 'AMU', city: 'Marseille', uai: '0134009M', website: 'https://www.univ-amu.fr' },
  { name: 'Université de Bordeaux', acronym: 'UBx', city: 'Bordeaux', uai: '0333298F', website: 'https://www.u-bordeaux.fr' },
  { name: 'Université de Lille', acronym: 'ULille', city: 'Lille', uai: '0597239Y', website: 'https://www.univ-lille.fr' },
  { name: 'Université de Strasbourg', acronym: 'Unistra', city: 'Strasbourg', uai: '0673021V', website: 'https://www.unistra.fr' },
  { name: 'Nantes Université', acronym: 'NU', city: 'Nantes', uai: '0442953W', website: 'https://www.univ-nantes.fr' },
  { name: 'Université Toulouse III – Paul Sabatier', acronym: 'UT3', city: 'Toulouse', uai: '0311384L', website: 'https://www.univ-tlse3.fr' },
  { name: 'Université Grenoble Alpes', acronym: 'UGA', city: 'Grenoble', uai: '0383546Y', website: 'https://www.univ-grenoble-alpes.fr' },
];

export const SECTORS = [
  { naf: '62.01Z', sector: 'Programmation informatique', titles: ['Stage développeur·se full-stack', 'Stage ingénieur·e DevOps', 'Stage développeur·se mobile', 'Stage data engineer'], skills: ['TypeScript', 'Vue.js', 'PostgreSQL', 'Docker', 'Kotlin', 'Python'] },
  { naf: '70.22Z', sector: 'Conseil en gestion', titles: ['Stage consultant·e junior', 'Stage analyste transformation', 'Stage chargé·e d’études'], skills: ['Excel', 'PowerPoint', 'Gestion de projet', 'Analyse financière'] },
  { naf: '69.20Z', sector: 'Expertise comptable', titles: ['Stage assistant·e comptable', 'Stage auditeur·rice junior'], skills: ['Comptabilité', 'Fiscalité', 'Excel', 'Sage'] },
  { naf: '72.11Z', sector: 'Recherche en biotechnologie', titles: ['Stage technicien·ne de laboratoire', 'Stage bio-informatique', 'Stage assistant·e recherche clinique'], skills: ['Biologie moléculaire', 'R', 'Python', 'PCR'] },
  { naf: '30.30Z', sector: 'Construction aéronautique et spatiale', titles: ['Stage ingénieur·e structures', 'Stage qualité production', 'Stage systèmes embarqués'], skills: ['CATIA', 'C', 'Matlab', 'Lean'] },
  { naf: '35.11Z', sector: 'Production d’électricité', titles: ['Stage énergies renouvelables', 'Stage chargé·e d’affaires photovoltaïque'], skills: ['Énergétique', 'AutoCAD', 'Gestion de projet'] },
  { naf: '73.11Z', sector: 'Agences de publicité', titles: ['Stage chargé·e de communication', 'Stage social media', 'Stage graphiste'], skills: ['Figma', 'Adobe Illustrator', 'Rédaction', 'Réseaux sociaux'] },
  { naf: '52.29A', sector: 'Messagerie, fret express', titles: ['Stage supply chain', 'Stage analyste transport'], skills: ['SAP', 'Excel', 'Logistique', 'Power BI'] },
  { naf: '65.12Z', sector: 'Autres assurances', titles: ['Stage actuariat', 'Stage gestion des risques', 'Stage juriste assurance'], skills: ['Statistiques', 'SAS', 'Droit des assurances'] },
  { naf: '86.10Z', sector: 'Activités hospitalières', titles: ['Stage contrôle de gestion hospitalier', 'Stage ingénieur·e biomédical'], skills: ['Contrôle de gestion', 'Excel', 'Qualité'] },
];

/** Fictional host enterprises and the NAF code of their activity (one of SECTORS). */
export const ENTERPRISES = [
  { name: 'Numéria Conseil', naf: '70.22Z' },
  { name: 'Atelier Pixelune', naf: '73.11Z' },
  { name: 'BioSanté Rhône', naf: '72.11Z' },
  { name: 'Aérotech Occitanie', naf: '30.30Z' },
  { name: 'Cabinet Durand & Associés', naf: '69.20Z' },
  { name: 'Datapoint', naf: '62.01Z' },
  { name: 'Énergies Atlantique', naf: '35.11Z' },
  { name: 'Mutuelle Horizon', naf: '65.12Z' },
  { name: 'Logistique du Nord', naf: '52.29A' },
  { name: 'Clinique Saint-Exupéry', naf: '86.10Z' },
  { name: 'Vertigo Studio', naf: '73.11Z' },
  { name: 'Solaris Provence', naf: '35.11Z' },
  { name: 'Groupe Hexagone Assurances', naf: '65.12Z' },
  { name: 'Laboratoires Vauban', naf: '72.11Z' },
  { name: 'Cap Agile', naf: '70.22Z' },
  { name: 'Fret Express Loire', naf: '52.29A' },
  { name: 'Orbitale Systèmes', naf: '30.30Z' },
  { name: 'Boréal Data', naf: '62.01Z' },
  { name: 'Agence Mistral', naf: '73.11Z' },
  { name: 'Compta Plus Alsace', naf: '69.20Z' },
  { name: 'Kerlann Informatique', naf: '62.01Z' },
  { name: 'Helio Grenoble', naf: '35.11Z' },
  { name: 'Maison Verlaine Communication', naf: '73.11Z' },
  { name: 'Azur Biotech', naf: '72.11Z' },
  { name: 'Transalp Logistique', naf: '52.29A' },
  { name: 'Céleste Aéro', naf: '30.30Z' },
  { name: 'Prévoyance Garonne', naf: '65.12Z' },
  { name: 'Hôpital privé des Tilleuls', naf: '86.10Z' },
  { name: 'Quartz Consulting', naf: '70.22Z' },
  { name: 'Lumen Software', naf: '62.01Z' },
  { name: 'Studio Bellecour', naf: '73.11Z' },
  { name: 'Audit Méditerranée', naf: '69.20Z' },
  { name: 'Rhéa Énergie', naf: '35.11Z' },
  { name: 'Neuron Labs', naf: '72.11Z' },
  { name: 'Armor Assurances', naf: '65.12Z' },
  { name: 'Capitole Fret', naf: '52.29A' },
  { name: 'Flandre Numérique', naf: '62.01Z' },
  { name: 'Tramontane Digital', naf: '62.01Z' },
  { name: 'Aquitaine Santé Gestion', naf: '86.10Z' },
  { name: 'Velours Publicité', naf: '73.11Z' },
];

export const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille', 'Nantes', 'Strasbourg', 'Grenoble', 'Montpellier', 'Rennes', 'Nice'];

export const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Emma', 'Sarah', 'Zoé', 'Lina', 'Anaïs', 'Mathilde', 'Clara', 'Juliette',
  'Lucas', 'Hugo', 'Louis', 'Nathan', 'Théo', 'Enzo', 'Gabriel', 'Arthur', 'Maxime', 'Yanis', 'Rayan', 'Adam', 'Noé', 'Étienne', 'Mehdi',
];

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre',
  'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert',
  'Bonnet', 'François', 'Martinez', 'Nguyen', 'Benali', 'Haddad', 'Lemoine', 'Chevalier', 'Faure',
];

export const PROGRAMS = [
  'Master Informatique', 'Licence professionnelle Métiers du numérique', 'Master Management et administration des entreprises',
  'Master Comptabilité – contrôle – audit', 'Master Biologie moléculaire et cellulaire', 'Master Mécanique et ingénierie',
  'BUT Gestion des entreprises et des administrations', 'Master Énergie', 'Master Information et communication', 'Master Actuariat',
];
