/**
 * Code run in Firefox's parent process, over the DevTools remote protocol (RDP) that
 * `--start-debugger-server` opens. BiDi's chrome scope would do on ESR 153, but ESR 140
 * (Debian's firefox-esr on some machines) has none; RDP's parent-process console works on
 * both. RDP frames each JSON packet as `<byte length>:<json>`.
 */
import { connect, createServer, type Socket } from 'node:net';
import { sleep } from './driver-parts';

/** Prefs that let the debugger server start and accept a local client without a prompt. */
export const DEBUGGER_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
};

/** A port nobody listens on now, for `--start-debugger-server`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Longer than any evaluation the harness makes; a hung one fails its test with the code it ran. */
const ANSWER_MS = 30_000;

type Packet = Record<string, unknown> & { from?: string };

class RdpClient {
  private buffer = Buffer.alloc(0);
  private readonly waiting: { match: (p: Packet) => boolean; resolve: (p: Packet) => void }[] = [];

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (let colon = this.buffer.indexOf(':'); colon > 0; colon = this.buffer.indexOf(':')) {
        const length = Number(this.buffer.subarray(0, colon).toString());
        if (this.buffer.length < colon + 1 + length) return;
        const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
        this.buffer = this.buffer.subarray(colon + 1 + length);
        const index = this.waiting.findIndex((w) => w.match(packet));
        if (index >= 0) this.waiting.splice(index, 1)[0]!.resolve(packet);
      }
    });
  }

  next(match: (p: Packet) => boolean): Promise<Packet> {
    return new Promise((resolve) => this.waiting.push({ match, resolve }));
  }

  /** Sends `packet` to actor `to` and resolves with its reply (events, which carry a `type`, aside). */
  async request(to: string, packet: Packet): Promise<Packet> {
    const reply = this.next((p) => p.from === to && !('type' in p));
    const text = JSON.stringify({ to, ...packet });
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    const answer = await reply;
    if (answer.error) throw new Error(`RDP ${to}: ${String(answer.error)} ${String(answer.message ?? '')}`);
    return answer;
  }
}

async function connectWithin(port: number, ms: number): Promise<Socket> {
  for (const deadline = Date.now() + ms; ; await sleep(100)) {
    const socket = await new Promise<Socket | null>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s)).on('error', () => resolve(null));
    });
    if (socket) return socket;
    if (Date.now() > deadline) throw new Error(`no debugger server on port ${port} after ${ms} ms`);
  }
}

export interface ParentProcess {
  /** Evaluates `expression` (a promise is awaited) in the parent process; resolves with its primitive value. */
  evaluate(expression: string): Promise<unknown>;
  close(): void;
}

export async function parentProcess(port: number): Promise<ParentProcess> {
  const socket = await connectWithin(port, 15_000);
  const rdp = new RdpClient(socket);
  await rdp.next((p) => p.from === 'root');
  const { processDescriptor } = (await rdp.request('root', { type: 'getProcess', id: 0 })) as { processDescriptor: { actor: string } };
  const { process } = (await rdp.request(processDescriptor.actor, { type: 'getTarget' })) as { process: { consoleActor: string } };
  const consoleActor = process.consoleActor;
  let queue: Promise<unknown> = Promise.resolve();
  const evaluateNow = async (text: string) => {
    // Listened for before asking: the result can come in the same chunk as the reply. One
    // evaluation at a time, so the console's next result is this one's.
    const answered = rdp.next((p) => p.from === consoleActor && p.type === 'evaluationResult');
    await rdp.request(consoleActor, { type: 'evaluateJSAsync', text, mapped: { await: true } });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`parent-process evaluation: no answer in ${ANSWER_MS} ms to ${text.slice(-120)}`)), ANSWER_MS);
    });
    const result = await Promise.race([answered, late]).finally(() => clearTimeout(timer));
    if (result.hasException || result.topLevelAwaitRejected) throw new Error(`parent-process evaluation failed: ${String(result.exceptionMessage ?? 'the promise was rejected')}`);
    const value = result.result as unknown;
    // Grips: primitives come as themselves, undefined and null as `{ type }`.
    return value !== null && typeof value === 'object' ? undefined : value;
  };
  return {
    evaluate: (text) => {
      const run = queue.then(() => evaluateNow(text));
      queue = run.catch(() => {});
      return run;
    },
    close: () => socket.destroy(),
  };
}
