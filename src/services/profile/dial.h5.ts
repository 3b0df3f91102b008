/** A `tel:` link: the phone's dialer opens with the number. */
export function dial(phone: string): void {
  window.location.href = `tel:${phone.replace(/[^\d+]/g, '')}`
}
