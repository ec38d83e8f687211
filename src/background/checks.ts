// What arrives over runtime messaging, read with the protocol's schemas (src/protocol-schema.ts): a malformed
// message is answered with an error naming its type or its first bad field, never fails deep inside a handler.
import * as v from 'valibot';
import { isObject, pathText } from '../core/guards';
import type { Request } from '../protocol';
import { REQUESTS } from '../protocol-schema';

export type Reading =
  | { request: Request }
  /** `type`: the message's type when it is a string; `field`: the first bad field of a known type. */
  | { request: null; type: string | null; field: string | null };

const isRequestType = (type: unknown): type is keyof typeof REQUESTS =>
  typeof type === 'string' && Object.hasOwn(REQUESTS, type);

export function readRequest(message: unknown): Reading {
  const type = isObject(message) ? message.type : undefined;
  if (!isRequestType(type)) return { request: null, type: typeof type === 'string' ? type : null, field: null };
  const result = v.safeParse(REQUESTS[type], message, { abortEarly: true });
  if (result.success) return { request: { ...result.output, type } as Request };
  return { request: null, type, field: pathText((result.issues[0].path ?? []).map((item) => item.key)) };
}
