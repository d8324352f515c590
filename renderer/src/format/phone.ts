/**
 * People's phone numbers are shown masked in lists (docs/SECURITY.md, "Personal
 * information"); the full number stays available in the edit dialog. Mainland
 * mobile numbers (11 digits starting with 1) hide the middle four digits;
 * landlines are office numbers and are shown as entered.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/[\s-]/g, '');
  const mobile = /^(?:\+?86)?(1\d{2})(\d{4})(\d{4})$/.exec(digits);
  return mobile ? `${mobile[1]}****${mobile[3]}` : phone;
}
