import { cloudbaseExportFiles } from '../_shared/files/cloudbase'
import { cloudbaseMiniCodeCache } from '../_shared/files/cloudbase-mini-codes'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { eventActions } from './actions'
import { wxacodeMiniCodes } from '../_shared/codes/wxacode'
import { getUnlimited } from '../_shared/codes/wx-sdk'

const files = cloudbaseExportFiles()

export const main = makeMain('event', eventActions({ codes: wxacodeMiniCodes(getUnlimited, cloudbaseMiniCodeCache()), files: () => files }), cloudbaseRoot)
