/**
 * WeChat draws the tab bar natively (its text follows the system font setting), so there is
 * nothing outside the page to mark.
 */
export function markAppCareMode(_on: boolean): void {}
