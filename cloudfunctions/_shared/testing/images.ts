/** Bytes that pass the photo checks' magic-number sniffing (`detectPhotoType`): a signature and filler. */
export const fakePng = (filler = 200, byte = 1): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(filler, byte)])
export const fakeJpeg = (filler = 200, byte = 2): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(filler, byte)])
