/** WeChat draws the resident tab bar itself, from app.config's `tabBar`; see index.h5.tsx for H5. */
export default function ResidentTabBar(): null {
  return null
}
