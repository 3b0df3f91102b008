// One ESLint process for a whole test file: loads the project's config once (the CLI loads it,
// and typescript-eslint, again for every spawn: ~3 s each), then lints each request as the CLI's
// `--stdin --stdin-filename <file>` would (`lintText` with `filePath`). Jest cannot load the ESM
// config in its own module system, hence a child process.
// Protocol: one JSON line in `{ id, file, code }`, one JSON line out `{ id, messages }` or `{ id, error }`.
import { createInterface } from 'node:readline'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: process.cwd() })
const lines = createInterface({ input: process.stdin })
// Requests are answered in order: lint them one after another.
let chain = Promise.resolve()
lines.on('line', (line) => {
  const { id, file, code } = JSON.parse(line)
  chain = chain.then(async () => {
    try {
      const [result] = await eslint.lintText(code, { filePath: file })
      process.stdout.write(JSON.stringify({ id, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) }) + '\n')
    } catch (err) {
      process.stdout.write(JSON.stringify({ id, error: String(err && err.stack ? err.stack : err) }) + '\n')
    }
  })
})
