import vm from 'node:vm'
import { preloadScript } from '../../config/h5-home-preload'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'

/** Runs the inline script index.html gets, with `hash` as location.hash; returns the links it added. */
function run(hash: string): { rel: string; as: string; href: string }[] {
  const html = preloadScript(
    [
      ['/js/home.1.js', 'script'],
      ['/css/home.2.css', 'style'],
    ],
    pageRoute('index'),
  )
  const code = /^<script>([\s\S]*)<\/script>$/.exec(html)?.[1]
  if (!code) throw new Error('not one inline script')
  const added: { rel: string; as: string; href: string }[] = []
  const document = {
    createElement: () => ({ rel: '', as: '', href: '' }),
    head: { appendChild: (l: { rel: string; as: string; href: string }) => added.push({ ...l }) },
  }
  vm.runInNewContext(code, { document, location: { hash } })
  return added
}

describe('H5 home-page preload (config/h5-home-preload.ts)', () => {
  it('preloads the home page files when the URL opens the home page', () => {
    const links = [
      { rel: 'preload', as: 'script', href: '/js/home.1.js' },
      { rel: 'preload', as: 'style', href: '/css/home.2.css' },
    ]
    for (const hash of ['', '#/', '#', `#/${pageRoute('index')}`, `#/${pageRoute('index')}?x=1`, `#${pageRoute('index')}`]) {
      expect([hash, run(hash)]).toEqual([hash, links])
    }
  })

  it('preloads nothing for a deep link to another page', () => {
    for (const hash of [`#/${pageRoute('event')}?id=e1`, `#/${pageRoute('events')}`, `#/${pageRoute('staffLogin')}`, '#/pages/index/indexx', '#/x/pages/index/index']) {
      expect([hash, run(hash)]).toEqual([hash, []])
    }
  })
})
