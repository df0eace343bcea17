/**
 * The few web-standard globals the pure engine uses, present both in browsers and in Node ≥ 18.
 * Declared here instead of pulling in the DOM library, so nothing DOM-only can creep in unnoticed.
 */
declare function setTimeout(handler: () => void, timeout?: number): unknown;

interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

interface MessagePort {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
  close(): void;
}

declare class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
}
