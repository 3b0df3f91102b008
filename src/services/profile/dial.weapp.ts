import Taro from '@tarojs/taro'

/** WeChat's dialer, with the number filled in. */
export function dial(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') }).catch(() => undefined)
}
