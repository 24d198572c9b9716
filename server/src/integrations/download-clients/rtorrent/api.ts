// The rTorrent XML-RPC wire client over HTTP (an SCGI bridge does the Basic auth). Faults become RtorrentFault;
// a bridge that answers 502/503/504 has lost rTorrent behind it, which is reported as unreachable. No domain types.
import { ProtocolError, ServerError, UnreachableError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { decodeResponse, encodeCall, XmlRpcFault, type XmlRpcValue } from '../../../lib/xmlrpc/xmlrpc.js';

export interface RtApiOptions {
  /** Full XML-RPC URL, e.g. http://host:8080/RPC2 */
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
  logger?: HttpLogger;
}

export class RtorrentFault extends ProtocolError {
  constructor(
    readonly method: string,
    readonly faultCode: number,
    readonly faultString: string,
  ) {
    super(`rTorrent ${method}: fault ${faultCode} ${faultString}`);
  }
}

/** rTorrent's fault for an unknown info-hash. */
export const RT_NO_SUCH_HASH = -501;

export class RtorrentApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: RtApiOptions) {
    this.http = new HttpClient({
      timeoutMs: opts.timeoutMs,
      logger: opts.logger,
      ...(opts.username || opts.password ? { basicAuth: { username: opts.username, password: opts.password } } : {}),
    });
  }

  async call<T extends XmlRpcValue = XmlRpcValue>(method: string, params: readonly XmlRpcValue[] = []): Promise<T> {
    let text: string;
    try {
      const res = await this.http.request({
        method: 'POST',
        path: this.opts.url,
        body: encodeCall(method, params),
        headers: { 'content-type': 'text/xml', accept: 'text/xml' },
        retry: false,
      });
      text = res.body.toString('utf8');
    } catch (err) {
      if (err instanceof ServerError && [502, 503, 504].includes(err.status)) {
        throw new UnreachableError(`rTorrent is not reachable behind the XML-RPC bridge (HTTP ${err.status})`, {
          cause: err,
        });
      }
      throw err;
    }
    try {
      return decodeResponse(text) as T;
    } catch (err) {
      if (err instanceof XmlRpcFault) throw new RtorrentFault(method, err.faultCode, err.faultString);
      throw err;
    }
  }

  /** Several calls in one request; each answer is the value or the fault it raised. */
  async multicall(
    calls: readonly { method: string; params: readonly XmlRpcValue[] }[],
  ): Promise<(XmlRpcValue | RtorrentFault)[]> {
    const res = await this.call<XmlRpcValue[]>('system.multicall', [
      calls.map((c) => ({ methodName: c.method, params: [...c.params] })),
    ]);
    if (!Array.isArray(res) || res.length !== calls.length) {
      throw new ProtocolError('rTorrent system.multicall answered with the wrong number of results');
    }
    return res.map((r, i) => {
      if (Array.isArray(r)) return r[0] as XmlRpcValue;
      const f = r as { faultCode?: XmlRpcValue; faultString?: XmlRpcValue };
      return new RtorrentFault(calls[i]!.method, Number(f.faultCode ?? 0), String(f.faultString ?? ''));
    });
  }
}
