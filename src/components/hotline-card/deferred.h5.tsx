import { lazyAfterFirstScreen } from '../after-first-screen/index.h5'

/**
 * Browser build: the home's hotline card is fetched after the first screen is in; it draws nothing
 * until its `getHotline` answer arrives anyway.
 */
export default lazyAfterFirstScreen(() => import(/* webpackChunkName: "hotline-card" */ './index'))
