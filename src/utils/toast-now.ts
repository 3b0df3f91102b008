import Taro from '@tarojs/taro'

/** A short confirmation after an action (保存成功, 已发布). */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}

/** A short message when something needs attention; no icon so long text fits. */
export function toastText(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}

/** Asks before an action that others will notice (发布, 下架, 退出登录). */
export async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#2861d8' })
  return res.confirm
}
