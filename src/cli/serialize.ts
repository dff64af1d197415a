/** Messages as plain data, to cross a worker thread or sit in the cache, and back into vfile messages. */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import type {FixTier, Suggestion, TextEdit} from '../rule.js'

export interface MessageData {
  reason: string
  place?: Point | Position
  ruleId?: string
  source?: string
  fatal?: boolean | null
  url?: string
  note?: string
  actual?: string
  expected?: string[]
  fix?: TextEdit | null
  fixTier?: FixTier
  suggestions?: Suggestion[]
  failure?: boolean
  downgraded?: boolean
  upgraded?: boolean
  cause?: MessageData
}

export function toData(message: VFileMessage): MessageData {
  const data: MessageData = {reason: message.reason}
  if (message.place) data.place = message.place
  for (const key of [
    'ruleId',
    'source',
    'fatal',
    'url',
    'note',
    'actual',
    'expected',
    'fix',
    'fixTier',
    'suggestions',
    'failure',
    'downgraded',
    'upgraded'
  ] as const) {
    if (message[key] !== undefined) (data as unknown as Record<string, unknown>)[key] = message[key]
  }
  if (message.cause instanceof VFileMessage) data.cause = toData(message.cause)
  return data
}

export function fromData(data: MessageData): VFileMessage {
  const message = new VFileMessage(data.reason, {
    place: data.place,
    ruleId: data.ruleId,
    source: data.source,
    cause: data.cause ? fromData(data.cause) : undefined
  })
  const {reason, place, ruleId, source, cause, ...rest} = data
  return Object.assign(message, rest)
}

export function fileWithMessages(template: {path: string; cwd: string; value: string}, messages: MessageData[]): VFile {
  const file = new VFile(template)
  for (const data of messages) {
    const message = fromData(data)
    message.file = file.path
    file.messages.push(message)
  }
  return file
}
