/** Message keys for the official holiday names used in the State Council notices. */
const KEYS: Record<string, string> = {
  "New Year's Day": 'newYear',
  'Spring Festival': 'springFestival',
  'Qingming Festival': 'qingming',
  'Labour Day': 'labourDay',
  'Dragon Boat Festival': 'dragonBoat',
  'Mid-Autumn Festival': 'midAutumn',
  'National Day': 'nationalDay',
};

/** The catalog key (under calendar.holidayNames) for a stored name, or null to show it as stored. */
export function holidayNameKey(name: string): string | null {
  return KEYS[name] ?? null;
}
