import * as z from 'zod/mini';
import { clockTimeToMinutes, isoDateToDayNumber } from '../calendar';

export const IsoDateSchema = z.string().check(
  z.refine((value) => isoDateToDayNumber(value) !== undefined, {
    message: 'must be a calendar date YYYY-MM-DD',
  }),
);

export const ClockTimeSchema = z
  .string()
  .check(
    z.refine((value) => clockTimeToMinutes(value) !== undefined, { message: 'must be a 24-hour time HH:MM' }),
  );
