/** H5: the tab bar and Taro's navigation bar live outside the page; a body class lets care mode enlarge them too. */
export function markAppCareMode(on: boolean): void {
  if (typeof document !== 'undefined') document.body.classList.toggle('cy-care-app', on)
}
