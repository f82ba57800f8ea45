/**
 * Pluggable delivery of outbox messages. A deployment registers its SMS gateway and mail relay with
 * `setSender`; until then a logging sender records each message (masked address) and reports it delivered.
 */
import { mask } from '../crypto';

export type Channel = 'sms' | 'email';

export interface OutboundMessage {
  readonly id: string;
  readonly channel: Channel;
  /** Plain address (decrypted just for the send). */
  readonly address: string;
  readonly subject: string;
  readonly body: string;
  readonly kind: string;
}

export interface SendResult {
  readonly providerMessageId?: string | null;
}

export interface Sender {
  readonly channel: Channel;
  /** Throws on failure; the dispatcher retries with back-off. */
  send(message: OutboundMessage): Promise<SendResult>;
}

export interface LoggedMessage {
  readonly id: string;
  readonly channel: Channel;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly kind: string;
  readonly at: string;
}

/** Writes one JSON line per message (address masked) and keeps the last 200 in memory. */
export class LoggingSender implements Sender {
  readonly sent: LoggedMessage[] = [];
  constructor(
    readonly channel: Channel,
    private readonly log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  async send(m: OutboundMessage): Promise<SendResult> {
    const entry: LoggedMessage = {
      id: m.id,
      channel: m.channel,
      to: maskAddress(m.channel, m.address),
      subject: m.subject,
      body: m.body,
      kind: m.kind,
      at: new Date().toISOString(),
    };
    this.sent.push(entry);
    if (this.sent.length > 200) this.sent.shift();
    this.log(JSON.stringify({ msg: 'notification sent (logging sender)', ...entry }));
    return { providerMessageId: `log-${m.id}` };
  }
}

export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'email') {
    const [user = '', domain = ''] = address.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  return mask(address, 3, 4);
}

const defaults = (): Record<Channel, Sender> => ({ sms: new LoggingSender('sms'), email: new LoggingSender('email') });
let registry: Record<Channel, Sender> = defaults();

export function setSender(sender: Sender): void {
  registry = { ...registry, [sender.channel]: sender };
}

export function getSender(channel: Channel): Sender {
  return registry[channel];
}

export function resetSenders(): void {
  registry = defaults();
}
