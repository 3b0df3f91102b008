import { lazyAfterFirstScreen } from '../after-first-screen/index.h5'

/**
 * Browser build: the home's survey card (with the survey and outbox code it needs) is fetched after
 * the first screen is in; it draws nothing until its `openSurveys` answer arrives anyway.
 */
export default lazyAfterFirstScreen(() => import(/* webpackChunkName: "survey-entry" */ './index'))
