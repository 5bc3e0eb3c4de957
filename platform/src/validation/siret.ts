/** A French establishment number: 14 digits whose Luhn checksum is valid (La Poste's establishments excepted). */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  // La Poste (SIREN 356000000): its establishments' numbers add up to a multiple of 5 instead.
  if (value.startsWith('356000000')) return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  const sum = [...value]
    .reverse()
    .map(Number)
    .reduce((total, digit, index) => {
      if (index % 2 === 0) return total + digit;
      const doubled = digit * 2;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
  return sum % 10 === 0;
}
