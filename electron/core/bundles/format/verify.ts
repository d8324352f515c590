import { keyIdOf, verifyDetached } from '../../crypto/signing.ts';
import { BundleRefusal, MANIFEST_SIGNING_DOMAIN, type OpenedBundle, type OpenedEntry } from './types.ts';

// The two checks after decryption (the order of docs/SECURITY.md, "Bundles"): the signature with the enrolled
// key the caller looked up by manifest.keyId, then every entry against the signed list.

/** Throws BundleRefusal('bad-signature') unless the enrolled key signed exactly these manifest bytes. */
export function verifyManifestSignature(opened: OpenedBundle, publicKey: string): void {
  let keyId: string | null = null;
  try {
    keyId = keyIdOf(publicKey);
  } catch {
    // an unusable enrolled key verifies nothing
  }
  // Pinned key id: a manifest naming one key but signed by another is refused too.
  if (keyId !== opened.manifest.keyId) {
    throw new BundleRefusal('bad-signature', '数据包的签名密钥与登记的密钥不一致，已拒绝导入。');
  }
  if (!verifyDetached(MANIFEST_SIGNING_DOMAIN, opened.manifestBytes, opened.signature, publicKey)) {
    throw new BundleRefusal('bad-signature', '数据包签名无效（内容可能被篡改），已拒绝导入，请向报送单位重新索取。');
  }
}

/** The entries as found, in manifest order with their row counts, once each matches the signed list. */
export function checkEntries(opened: OpenedBundle): OpenedEntry[] {
  const listed = opened.manifest.entries;
  const found = opened.found;
  if (listed.length !== found.length) {
    throw new BundleRefusal(
      'entry-hash',
      `数据包内容与签名清单不符：清单列出 ${listed.length} 项，实际有 ${found.length} 项，请向报送单位重新索取。`,
    );
  }
  return listed.map((entry, i) => {
    const actual = found[i]!;
    const same =
      entry.index === i &&
      actual.index === i &&
      actual.kind === entry.kind &&
      actual.name === entry.name &&
      actual.size === entry.size &&
      actual.sha256 === entry.sha256;
    if (!same) {
      const label = entry.kind === 'table' ? `数据表“${entry.name}”` : `附件 ${entry.name.slice(0, 12)}…`;
      throw new BundleRefusal('entry-hash', `数据包第 ${i + 1} 项（${label}）与签名清单不符，请向报送单位重新索取。`);
    }
    return { ...actual, rows: entry.rows };
  });
}
