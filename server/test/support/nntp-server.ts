// A tiny NNTP server on 127.0.0.1 for usenet client tests: serves the yEnc articles built by nzb.ts so SABnzbd and
// NZBGet download real jobs without the network. Speaks what both daemons use: CAPABILITIES, MODE READER,
// AUTHINFO USER/PASS, GROUP, ARTICLE/BODY/HEAD/STAT by message id, DATE, QUIT. Unknown ids answer 430, which is
// how a test produces a job with missing articles.
import { createServer, type Server, type Socket } from 'node:net';
import type { BuiltArticle } from './nzb.js';

export interface NntpServerOptions {
  /** When set, AUTHINFO must match these before articles are served. */
  username?: string;
  password?: string;
}

export class NntpServer {
  /** Message ids that were fetched (ARTICLE/BODY), for assertions. */
  readonly fetched: string[] = [];
  private readonly articles = new Map<string, BuiltArticle>();
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<string>();
  private pending: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: NntpServerOptions,
  ) {}

  static async start(options: NntpServerOptions = {}): Promise<NntpServer> {
    let self: NntpServer | undefined;
    const server = createServer((socket) => self?.serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    self = new NntpServer(server, port, options);
    return self;
  }

  add(articles: readonly BuiltArticle[]): void {
    for (const a of articles) this.articles.set(a.messageId, a);
  }

  /** Requests for these ids get no answer until `release()`: a job that stays "downloading" for a while. */
  hold(messageIds: readonly string[]): void {
    for (const id of messageIds) this.held.add(id);
  }

  /** Stops holding and answers every held request. */
  release(): void {
    this.held.clear();
    const waiting = this.pending;
    this.pending = [];
    for (const answer of waiting) answer();
  }

  async close(): Promise<void> {
    this.pending = [];
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('latin1');
    const needsAuth = this.options.username !== undefined;
    let user: string | undefined;
    let authed = !needsAuth;
    let buffer = '';
    const send = (text: string) => {
      if (!socket.destroyed) socket.write(`${text}\r\n`, 'latin1');
    };
    send('200 idkarr test NNTP server ready (posting prohibited)');
    let blocked = false;
    const process = () => {
      for (let nl = buffer.indexOf('\n'); nl >= 0 && !blocked; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        const [rawCmd = '', ...rest] = line.trim().split(/\s+/);
        const cmd = rawCmd.toUpperCase();
        const arg = rest.join(' ');
        if (cmd === 'QUIT') {
          send('205 bye');
          socket.end();
          return;
        }
        if (cmd === 'CAPABILITIES') {
          send('101 Capability list:\r\nVERSION 2\r\nREADER\r\nAUTHINFO USER\r\n.');
        } else if (cmd === 'MODE') {
          send('200 reader mode, posting prohibited');
        } else if (cmd === 'AUTHINFO' && rest[0]?.toUpperCase() === 'USER') {
          user = rest.slice(1).join(' ');
          send('381 password required');
        } else if (cmd === 'AUTHINFO' && rest[0]?.toUpperCase() === 'PASS') {
          const ok = user === this.options.username && rest.slice(1).join(' ') === this.options.password;
          authed = ok || !needsAuth;
          send(authed ? '281 authentication accepted' : '481 authentication failed');
        } else if (cmd === 'DATE') {
          send(`111 ${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}`);
        } else if (!authed) {
          send('480 authentication required');
        } else if (cmd === 'GROUP') {
          send(`211 ${this.articles.size} 1 ${Math.max(1, this.articles.size)} ${arg}`);
        } else if (cmd === 'ARTICLE' || cmd === 'BODY' || cmd === 'HEAD' || cmd === 'STAT') {
          const id = arg.replace(/^<|>$/g, '');
          if (this.held.has(id) && cmd !== 'STAT') {
            // Answer later; commands that arrive meanwhile wait in the buffer, in order.
            blocked = true;
            this.pending.push(() => {
              blocked = false;
              this.answerArticle(cmd, id, send);
              process();
            });
            return;
          }
          this.answerArticle(cmd, id, send);
        } else if (cmd === '') {
          // blank line: ignore
        } else {
          send('500 command not recognized');
        }
      }
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (!blocked) process();
    });
  }

  private answerArticle(cmd: string, id: string, send: (text: string) => void): void {
    const article = this.articles.get(id);
    if (!article) {
      send('430 no such article');
      return;
    }
    const head = [
      'Path: idkarr.test',
      'From: idkarr <tests@idkarr.test>',
      'Newsgroups: alt.binaries.test',
      `Subject: ${article.subject}`,
      `Message-ID: <${id}>`,
      'Date: Tue, 14 Nov 2023 22:13:20 +0000',
    ].join('\r\n');
    const stuffed = article.body.replace(/^\./gm, '..');
    if (cmd === 'STAT') send(`223 0 <${id}>`);
    else if (cmd === 'HEAD') send(`221 0 <${id}>\r\n${head}\r\n.`);
    else {
      this.fetched.push(id);
      if (cmd === 'BODY') send(`222 0 <${id}>\r\n${stuffed}\r\n.`);
      else send(`220 0 <${id}>\r\n${head}\r\n\r\n${stuffed}\r\n.`);
    }
  }
}
