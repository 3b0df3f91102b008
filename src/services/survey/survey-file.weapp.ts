import Taro from '@tarojs/taro'

/** WeChat: writes the workbook to the user data folder and opens it (转发 / 用其他应用打开 from there). */
export async function saveWorkbook(filename: string, base64: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  return '已打开表格，可在右上角转发或保存'
}
