import { cloudbaseMiniCodeCache } from '../_shared/files/cloudbase-mini-codes'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { wxacodeMiniCodes } from '../_shared/codes/wxacode'
import { getUnlimited } from '../_shared/codes/wx-sdk'
import { trainingActions } from './actions'

export const main = makeMain('training', trainingActions({ codes: wxacodeMiniCodes(getUnlimited, cloudbaseMiniCodeCache()) }), cloudbaseRoot)
