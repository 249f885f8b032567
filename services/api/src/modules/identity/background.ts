/**
 * Work done after the reply is sent: the answer to "send me a link" must not tell, by what it
 * says or by how long it takes, whether an account has the address. Errors are logged (never the
 * address); the app waits for what is still running before it closes.
 */
export interface Background {
  run(what: string, work: () => Promise<unknown>): void;
  /** Resolves once everything started so far has finished. */
  drain(): Promise<void>;
}

export function createBackground(log: { error(details: object, message: string): void }): Background {
  const running = new Set<Promise<void>>();
  return {
    run(what, work) {
      const task = Promise.resolve()
        .then(work)
        .then(
          () => undefined,
          (error: unknown) => log.error({ err: error, work: what }, 'background work failed'),
        );
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async drain() {
      await Promise.allSettled([...running]);
    },
  };
}
