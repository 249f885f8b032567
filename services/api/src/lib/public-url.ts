/** Where people reach the service, for links in mail: PUBLIC_URL, or the address it listens on. */
export function publicUrlOf(config: { PUBLIC_URL?: string | undefined; HOST: string; PORT: number }): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? 'localhost' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
