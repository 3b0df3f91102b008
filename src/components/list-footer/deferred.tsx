// WeChat: the footer is in the package; nothing to defer (see deferred.h5.tsx).
export { default } from './index'
