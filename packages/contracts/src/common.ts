import { z } from 'zod';

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1–100.'),
  cursor: z.string().min(1).max(200).optional().describe('The `nextCursor` of the previous page.'),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  });

export const Timestamp = z.string().describe('An RFC 3339 timestamp in UTC.');

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
  })
  .meta({ id: 'Health' });
