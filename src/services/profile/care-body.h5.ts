/** H5: Taro's tab bar lives outside the page; a body class lets care mode enlarge it too. */
export function markAppCareMode(on: boolean): void {
  if (typeof document !== 'undefined') document.body.classList.toggle('cy-care-app', on)
}
