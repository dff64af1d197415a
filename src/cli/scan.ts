/**
 * `policylint scan URL… --out FILE`: visit pages with a headless Chromium installed on the machine (driven by
 * playwright-core; no browser is downloaded) and record what the site does as a HAR file: the `Set-Cookie` headers
 * and the cookies each request sends, those set from JavaScript included. `policylint --observed FILE` then checks
 * the cookie tables against it (`declared-cookies`).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {commandArguments} from './command-args.js'

const usage =
  'Usage: policylint scan URL [URL...] --out FILE [--chromium PATH]\n\nRecord the cookies a site sets, as a HAR file, with a headless Chromium installed on this machine.\n'

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** The Chromium to drive: `--chromium`, `$CHROMIUM_PATH`, or the first known browser on the PATH. */
export function findChromium(given?: string): string | undefined {
  if (given) return fs.existsSync(given) ? given : undefined
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  for (const name of candidates) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
      if (found) return found
    } catch {
      // Not this one.
    }
  }
  return undefined
}

export async function scanCommand(argv: string[], cwd: string): Promise<number> {
  const parsed = commandArguments('scan', argv, {out: {type: 'string', short: 'o'}, chromium: {type: 'string'}}, usage)
  if (typeof parsed === 'number') return parsed
  const urls = parsed.positionals
  const values = parsed.values as {out?: string; chromium?: string}
  if (urls.length === 0 || !values.out) {
    process.stderr.write(`policylint scan: Unexpected ${urls.length === 0 ? 'missing URL' : 'missing `--out FILE`'}\n${usage}`)
    return 2
  }
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) {
      process.stderr.write(`policylint scan: Unexpected URL \`${url}\`, expected one starting with \`http://\` or \`https://\`\n`)
      return 2
    }
  }
  const executable = findChromium(values.chromium)
  if (!executable) {
    process.stderr.write(
      'policylint scan: No Chromium found' +
        (values.chromium ? ` at \`${values.chromium}\`` : '') +
        ': install one (Debian and Ubuntu: `apt-get install chromium`; elsewhere Google Chrome), or name it with `--chromium PATH` or `CHROMIUM_PATH`\n'
    )
    return 2
  }
  const out = path.resolve(cwd, values.out)
  fs.mkdirSync(path.dirname(out), {recursive: true})
  const {chromium} = await import('playwright-core')
  const browser = await chromium.launch({executablePath: executable, headless: true, args: ['--no-sandbox']})
  try {
    const context = await browser.newContext({recordHar: {path: out, content: 'omit'}})
    const page = await context.newPage()
    for (const url of urls) {
      await page.goto(url, {waitUntil: 'networkidle', timeout: 60_000})
    }
    // Closing the context writes the HAR.
    await context.close()
  } catch (error) {
    process.stderr.write(`policylint scan: Cannot record ${urls.join(', ')}: ${(error as Error).message.split('\n')[0]}\n`)
    return 2
  } finally {
    await browser.close()
  }
  process.stdout.write(
    `Recorded ${urls.length} page${urls.length === 1 ? '' : 's'} to ${path.relative(cwd, out) || out}; check the policy against it with \`policylint --observed ${path.relative(cwd, out) || out}\`\n`
  )
  return 0
}
