import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { readSealed, SealedFileError, SealedWriter, type SealedFile } from '../../files/sealed-file.ts';
import { BundleRefusal, type OpenedEntry } from './types.ts';

// A table entry is gzip: a few MB can inflate to gigabytes. It is inflated once,
// after the signature and hashes are checked, into a sealed work file, and
// refused the moment it grows past what a real table can be. Real tables inflate
// 7–9× (measured on generated districts), rows that differ only in their id ~38×.

export interface InflateLimits {
  /** inflated bytes per compressed byte */
  maxRatio: number;
  /** allowed on top of the ratio, so small entries are never refused for gzip's header */
  slackBytes: number;
  /** the longest row a table may have */
  maxLineBytes: number;
}

export const INFLATE_LIMITS: InflateLimits = { maxRatio: 100, slackBytes: 1 << 20, maxLineBytes: 8 << 20 };

/** Inflates a checked table entry into a sealed file at `target`; refuses a bomb while streaming. */
export async function inflateTable(entry: OpenedEntry, target: string, label = entry.name, limits: InflateLimits = INFLATE_LIMITS): Promise<SealedFile> {
  const cap = entry.size * limits.maxRatio + limits.slackBytes;
  const writer = new SealedWriter(target);
  const gunzip = createGunzip();
  pipeline(Readable.from(readSealed(entry.sealed)), gunzip, () => undefined);
  let inflated = 0;
  let lines = 0;
  let lineBytes = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > cap) {
        throw new BundleRefusal('inflate-limit', `数据包中数据表“${label}”解压后超过 ${mb(cap)} MB（压缩后仅 ${mb(entry.size)} MB），不是正常的数据，已拒收。请联系报送单位核实。`);
      }
      for (let start = 0; ; ) {
        const nl = chunk.indexOf(10, start);
        lineBytes += (nl < 0 ? chunk.length : nl) - start;
        if (lineBytes > limits.maxLineBytes) throw new BundleRefusal('malformed', `数据包中数据表“${label}”第 ${lines + 1} 行过长（超过 ${mb(limits.maxLineBytes)} MB），已拒收。`);
        if (nl < 0) break;
        lines++;
        lineBytes = 0;
        if (lines > entry.rows) throw new BundleRefusal('malformed', `数据包中数据表“${label}”的行数多于签名清单所列的 ${entry.rows} 行，已拒收。`);
        start = nl + 1;
      }
      writer.write(chunk);
    }
    return writer.finish();
  } catch (error) {
    gunzip.destroy();
    writer.close();
    if (error instanceof BundleRefusal || error instanceof SealedFileError) throw error;
    throw new BundleRefusal('malformed', `数据包中数据表“${label}”无法解压。`);
  }
}

function mb(bytes: number): string {
  return (bytes / (1 << 20)).toFixed(1);
}
