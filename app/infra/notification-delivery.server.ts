/**
 * One round of webhook delivery for the embedded sandboxes (Midtrans, Iris): POSTs every claimed notification once
 * and records the outcome: delivered on a 2xx, otherwise retried after `backoff(attempts)` until `maxAttempts`,
 * then parked far in the future (given up: the row stays for inspection).
 */
export type NotificationAttempt = { deliveredAt?: Date; nextAttemptAt?: Date; status?: number; error?: string; attempts: number };

export async function deliverNotificationRound<R extends { id: string; url: string; attempts: number }>(
  rows: R[],
  opts: {
    timeoutMs: number;
    maxAttempts: number;
    backoff: (failedAttempts: number) => number;
    request: (row: R) => { headers: Record<string, string>; body: string };
    record: (id: string, attempt: NotificationAttempt) => Promise<unknown>;
  },
): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  await Promise.all(
    rows.map(async (row) => {
      const attempts = row.attempts + 1;
      let status: number | undefined;
      let error: string | undefined;
      try {
        const { headers, body } = opts.request(row);
        const res = await fetch(row.url, { method: "POST", headers, body, signal: AbortSignal.timeout(opts.timeoutMs) });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (e) {
        error = (e as Error).message;
      }
      if (status !== undefined && status >= 200 && status < 300) {
        delivered++;
        await opts.record(row.id, { deliveredAt: new Date(), status, attempts });
      } else {
        failed++;
        const giveUp = attempts >= opts.maxAttempts;
        await opts.record(row.id, {
          status,
          error: giveUp ? `gave up after ${attempts} attempts: ${error ?? `HTTP ${status}`}` : (error ?? `HTTP ${status}`),
          attempts,
          // Far in the future = given up: the row stays for inspection.
          nextAttemptAt: new Date(Date.now() + (giveUp ? 100 * 365 * 86_400_000 : opts.backoff(attempts))),
        });
      }
    }),
  );
  return { delivered, failed };
}
