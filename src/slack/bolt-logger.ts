import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { describeError, type Logger } from '../logger.js';

const boltToPino: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error'> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt wants its own Logger interface; this hands it the same pino logger as the rest of the app. */
export function toBoltLogger(logger: Logger): SlackLogger {
  let child = logger.child({ component: 'bolt' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    // Bolt and its WebClient log several debug lines per request and per Web API call: at the
    // usual levels they are dropped here, before anything is built for them.
    if (!child.isLevelEnabled(level)) return;
    // Errors among the arguments are described as every logged error is (logger.ts): no query
    // parameters or typed text.
    const [first, ...rest] = msg.map((part) => (part instanceof Error ? describeError(part) : part));
    if (msg[0] instanceof Error) child[level]({ err: msg[0], extra: rest }, msg[0].name);
    else child[level]({ extra: rest.length ? rest : undefined }, String(first));
  };
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: (level) => {
      child.level = boltToPino[level];
    },
    getLevel: () =>
      (Object.entries(boltToPino).find(([, v]) => v === child.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}
