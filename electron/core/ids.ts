import { v7 } from 'uuid';

/** Globally unique, time-ordered row id (UUIDv7): rows from many nodes merge without clashes. */
export function newId(): string {
  return v7();
}
