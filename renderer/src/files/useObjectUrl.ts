import { useEffect, useState } from 'react';
import { base64ToBytes } from './download.ts';

/** A file read from the core, as an address an <img> can show; released when the file changes or the page goes. */
export function useObjectUrl(file: { contentBase64: string; mimeType: string } | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const made = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
