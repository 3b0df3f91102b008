import Taro from '@tarojs/taro'

/** WeChat: writes the file to the user data folder and opens it (share or save from there). */
export async function saveFile(filename: string, _mime: string, base64: string): Promise<void> {
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64')
  await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true })
}
