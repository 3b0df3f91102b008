/**
 * Amounts as staff type them: yuan in the form, integer fen in storage (issue 22). The schemas
 * check the fen (integer, > 0, caps); a text that is not an amount becomes NaN, which they refuse
 * with the field's own message.
 */

/** Yuan as typed (at most two decimals) to integer fen, exactly; NaN when it is not an amount. */
export function yuanToFen(text: string): number {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return Number.NaN
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Fen as the yuan a form field shows (no thousands separator, no trailing zeros): 1234567 → "12345.67". */
export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const cents = fen % 100
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`
}
