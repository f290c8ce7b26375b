/**
 * The few fields Recall reads from the protocol-buffer blobs of Anki's schema 18 (note type, template and
 * deck configs). Only the wire format is decoded here: varints and length-delimited fields, by number;
 * fixed-width fields are skipped. A blob that is not valid protobuf gives no fields rather than a guess.
 */

export type ProtobufValue = number | Uint8Array;

/** Field number → its values in order (repeated fields keep every value). Null when the bytes are not protobuf. */
export function protobufFields(bytes: Uint8Array): Map<number, ProtobufValue[]> | null {
  const fields = new Map<number, ProtobufValue[]>();
  let at = 0;
  const varint = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (at >= bytes.length) return null;
      const byte = bytes[at++]!;
      // Beyond 2^53 the value is only used as a length or an enum, so precision does not matter.
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    return null;
  };
  while (at < bytes.length) {
    const key = varint();
    if (key === null) return null;
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    let value: ProtobufValue;
    if (wireType === 0) {
      const read = varint();
      if (read === null) return null;
      value = read;
    } else if (wireType === 2) {
      const length = varint();
      if (length === null || at + length > bytes.length) return null;
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wireType === 1 || wireType === 5) {
      at += wireType === 1 ? 8 : 4;
      if (at > bytes.length) return null;
      continue;
    } else {
      return null;
    }
    const list = fields.get(number);
    if (list === undefined) fields.set(number, [value]);
    else list.push(value);
  }
  return fields;
}

const UTF8 = new TextDecoder('utf-8');

/** A string field (the first value), or '' when absent or not a string. */
export function protobufString(fields: Map<number, ProtobufValue[]> | null, number: number): string {
  const value = fields?.get(number)?.[0];
  return value instanceof Uint8Array ? UTF8.decode(value) : '';
}

/** A varint field (the first value), or 0 when absent (protobuf's default). */
export function protobufNumber(fields: Map<number, ProtobufValue[]> | null, number: number): number {
  const value = fields?.get(number)?.[0];
  return typeof value === 'number' ? value : 0;
}

/** An embedded message field, decoded. */
export function protobufMessage(
  fields: Map<number, ProtobufValue[]> | null,
  number: number,
): Map<number, ProtobufValue[]> | null {
  const value = fields?.get(number)?.[0];
  return value instanceof Uint8Array ? protobufFields(value) : null;
}
