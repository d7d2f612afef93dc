// Standard base64 over bytes with atob/btoa, so the channel needs no Buffer (Workers have none).

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // Chunked: String.fromCharCode(...bigArray) overflows the call stack on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/** Strict decode: returns undefined for anything that is not canonical-length standard base64. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> | undefined {
  if (b64.length % 4 !== 0 || !B64.test(b64)) return undefined;
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
