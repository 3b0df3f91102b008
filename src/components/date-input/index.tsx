import { type DateInputProps, WheelInput } from './wheel'

export type { DateInputProps } from './wheel'

/**
 * A date (or time) field. In WeChat it is the phone's wheel; the H5 build (`index.h5.tsx`) gives
 * a desktop browser the browser's own date input instead.
 */
export default function DateInput(props: DateInputProps) {
  return <WheelInput {...props} />
}
