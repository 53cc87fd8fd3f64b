/**
 * Request sizes of the Office.js writer. Excel on the web refuses a request (one `context.sync`) over 5 MB
 * ("Payload size limit best practices", docs/excel/performance.md); the writer keeps each request at or below
 * {@link MAX_REQUEST_BYTES}, estimated the way test/support/recordingExcel.ts measures a recorded RichApi request:
 * the exact UTF-8 size of `JSON.stringify` of every argument plus a fixed overhead per call.
 */

/** The writer's ceiling per request: 4,000,000 UTF-8 bytes, 20 % under Excel on the web's 5 MB. */
export const MAX_REQUEST_BYTES = 4_000_000;

/**
 * Upper bound of one RichApi record besides its arguments: an action (`{"Id":…,"ActionType":4,"Name":"numberFormat",
 * "ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}`) or an object path with its key. The recording stand-in
 * measures 122–130 bytes per record on average (pilot and largest model, validation texts included); 160 leaves a
 * margin, and a test checks that the writer's estimate of every batch is at least the recorded request.
 */
export const CALL_OVERHEAD_BYTES = 160;

/** Envelope of a request and the calls every batch makes (suspending calculation, the worksheet collection). */
export const BATCH_OVERHEAD_BYTES = 64 + 8 * CALL_OVERHEAD_BYTES;

/**
 * Size in bytes of a string encoded as UTF-8 (what goes over the wire), without allocating the encoding.
 * @example utf8Bytes("Følsomhed") // 10 ("ø" takes 2 bytes)
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 size of a value's JSON (`JSON.stringify`), as it appears among a request's arguments. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
