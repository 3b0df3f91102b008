import Taro from '@tarojs/taro'
import type { JsonHandOff } from './json-file'

/** WeChat: a mini-program cannot hand a .json file to the user, so the text goes to the clipboard. */
export async function saveJson(_filename: string, text: string): Promise<JsonHandOff> {
  await Taro.setClipboardData({ data: text })
  return 'copied'
}
