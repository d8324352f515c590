import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The data folder holds ID numbers, reporters and private keys. On a shared
// UOS/Kylin desk PC every local account could read 0644 files, so everything of
// ours is owner-only. Windows has no mode bits (ACLs of the user profile apply).

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const posix = process.platform !== 'win32';

/** Creates (if needed) a folder of ours, owner-only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodQuietly(dir, PRIVATE_DIR_MODE);
}

/** Owner-only, if the file is there; never fails the caller (a read-only medium, a file of another account). */
export function makePrivate(file: string): void {
  chmodQuietly(file, PRIVATE_FILE_MODE);
}

function chmodQuietly(target: string, mode: number): void {
  if (!posix) return;
  try {
    chmodSync(target, mode);
  } catch {
    // not ours to change: left as it is
  }
}

/** The folders beside the database that only this program writes. */
const OWN_SUBFOLDERS = ['backups', 'staging', 'attachments', 'work', 'exchange'];

/**
 * Makes an existing data folder owner-only: the folder 0700, the database with
 * its -wal/-shm and everything in our subfolders 0600 (folders 0700). Runs at
 * every open, so data folders of earlier versions (0644) are fixed too.
 */
export function lockDownDataFolder(databaseFile: string): void {
  if (!posix) return;
  const dir = path.dirname(databaseFile);
  // A database given on the command line may sit in a shared place; only a folder
  // the user owns is narrowed, and never the home folder or the root itself.
  if (isOwnFolder(dir)) chmodQuietly(dir, PRIVATE_DIR_MODE);
  for (const suffix of ['', '-wal', '-shm', '-journal']) makePrivate(`${databaseFile}${suffix}`);
  for (const sub of OWN_SUBFOLDERS) lockDownTree(path.join(dir, sub));
}

function isOwnFolder(dir: string): boolean {
  const resolved = path.resolve(dir);
  if (resolved === path.parse(resolved).root || resolved === path.resolve(os.homedir())) return false;
  try {
    return lstatSync(resolved).uid === process.getuid?.();
  } catch {
    return false;
  }
}

function lockDownTree(dir: string): void {
  let entries;
  try {
    if (!lstatSync(dir).isDirectory()) return;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  chmodQuietly(dir, PRIVATE_DIR_MODE);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) lockDownTree(full);
    else if (entry.isFile()) makePrivate(full);
  }
}
