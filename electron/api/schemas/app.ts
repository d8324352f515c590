import { z } from 'zod';

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  databaseFile: z.string(),
});

export const Stats = z.object({
  units: z.number().int(),
  equipment: z.number().int(),
  managers: z.number().int(),
  districts: z.number().int(),
});
