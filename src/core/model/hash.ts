/** Lowercase hex of a digest. */
function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a UTF-8 string, as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** SHA-256 of bytes (a saved page copy, a backup's data), as lowercase hex. */
export async function sha256HexOfBytes(data: BufferSource): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', data));
}
