/** Digits only, without a leading +86 / 0086 country code. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** Upper-case, no spaces: `11010519491231002x` → `11010519491231002X`. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.replace(/\s/g, '').toUpperCase();
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone);
  if (p.length < 7) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** `110105194912310021` → `110***********0021`. */
export function maskIdNumber(idNumber: string): string {
  const id = normalizeIdNumber(idNumber);
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** `张三` → `张*`, `欧阳娜娜` → `欧阳**`... keeps the first character (two for four-character names). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
