// Indonesian mobile and landline numbers, normalised to +62 (E.164). "0812-3456-7890", "62812...",
// "+62 812..." all become "+6281234567890". Subscriber part after the leading 0: 8 to 12 digits.
export function normalizeIndonesianPhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, "");
  let national: string | null = null;
  if (/^\+62\d+$/.test(digits)) national = digits.slice(3);
  else if (/^62\d+$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  if (!national || national.startsWith("0")) return null;
  if (national.length < 8 || national.length > 12) return null;
  return `+62${national}`;
}
