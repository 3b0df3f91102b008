/**
 * The privacy-consent prompt. Only the weapp build has one (`index.weapp.tsx`): WeChat asks for
 * consent before a private API runs. H5 has no such gate, so this renders nothing.
 */
export interface PrivacyPromptProps {
  /** What the page is about to do, e.g. `选择照片`. Shown in the prompt. */
  purpose: string
}

export default function PrivacyPrompt(_props: PrivacyPromptProps) {
  return null
}
