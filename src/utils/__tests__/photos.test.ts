const chooseImage = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { chooseImage: (o: unknown) => chooseImage(o) } }))

import { ApiError, ErrorCodes } from '../../services/core/cloud-core'
import { choosePhotos, uploadProblem } from '../photos'

it('asks the picker for at most the room left, compressed, and keeps no more than that', async () => {
  chooseImage.mockResolvedValueOnce({ tempFilePaths: ['a', 'b', 'c'] })
  expect(await choosePhotos(2)).toEqual(['a', 'b'])
  expect(chooseImage).toHaveBeenLastCalledWith({ count: 2, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
})

it('answers null when the picker was closed', async () => {
  chooseImage.mockRejectedValueOnce(new Error('chooseImage:fail cancel'))
  expect(await choosePhotos(1)).toBeNull()
})

it("says the server's field message for a refused upload, else the error's own message", () => {
  const refused = new ApiError(ErrorCodes.validation, '输入有误', [{ path: 'photos.0', message: '照片太大' }])
  expect(uploadProblem(refused)).toBe('照片太大')
  expect(uploadProblem(new ApiError(ErrorCodes.validation, '输入有误'))).not.toBe('照片太大')
})
