/**
 * The yardstick of `npm run bench`: a Bolt app that does nothing but what every Bolt app must
 * do for `/praise`: check the signature, ack, and answer through the response_url. No
 * database, no domain. The bench starts it as its own process beside the real bot and
 * prints each figure of the bot next to this app's, so the machine's own speed cancels out.
 *
 * Environment: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL (the emulator), PORT
 * (0 for any); it logs `{"msg":"bare bolt started","port":…}` once listening.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  receiver,
  deferInitialization: true,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? 'https://slack.com/api/' },
});
app.command('/praise', async ({ ack, respond, command }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: `Thanks! ${command.text.length} characters logged.` });
});

await app.init();
const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
console.log(JSON.stringify({ msg: 'bare bolt started', port: (server.address() as AddressInfo).port }));
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
