package dev.nn.core.onnx;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads protocol-buffer messages in the wire format, field by field: {@link #next()} moves to the next field,
 * whose number and value the other methods give. Unknown fields are skipped by not asking for them; groups
 * (wire types 3 and 4, unused since proto2) and anything running past the end are refused with
 * {@link OnnxFormatException}.
 */
final class ProtoReader {

    private final byte[] data;
    private final int end;
    private int position;
    private int field;
    private int wireType;
    private long varint;
    private int valueStart;
    private int valueLength;

    /** A reader of the whole of {@code data}. */
    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int from, int to) {
        this.data = data;
        this.position = from;
        this.end = to;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field < 1 || tag >>> 3 > Integer.MAX_VALUE) {
            throw new OnnxFormatException("malformed protobuf: field number " + (tag >>> 3));
        }
        switch (wireType) {
            case 0 -> varint = readVarint();
            case 1 -> skip(8);
            case 2 -> {
                long length = readVarint();
                if (length < 0 || length > end - position) {
                    throw new OnnxFormatException("malformed protobuf: field " + field + " runs past the end");
                }
                skip((int) length);
            }
            case 5 -> skip(4);
            default -> throw new OnnxFormatException("malformed protobuf: wire type " + wireType + " of field "
                    + field);
        }
        return true;
    }

    /** The current field's number. */
    int field() {
        return field;
    }

    /** The current field as a varint (int32, int64, enum). */
    long asLong() {
        require(0, "a varint");
        return varint;
    }

    /** The current field as an int32 value, refused when out of range. */
    int asInt() {
        long v = asLong();
        if (v != (int) v) {
            throw new OnnxFormatException("field " + field + " is out of range: " + v);
        }
        return (int) v;
    }

    /** The current field as a float (fixed32). */
    float asFloat() {
        require(5, "a float");
        return Float.intBitsToFloat(littleEndianInt(valueStart));
    }

    /** The current length-delimited field as UTF-8 text. */
    String asString() {
        require(2, "a string");
        return new String(data, valueStart, valueLength, StandardCharsets.UTF_8);
    }

    /** The current length-delimited field's bytes. */
    byte[] asBytes() {
        require(2, "bytes");
        byte[] copy = new byte[valueLength];
        System.arraycopy(data, valueStart, copy, 0, valueLength);
        return copy;
    }

    /** A reader of the current field's nested message. */
    ProtoReader asMessage() {
        require(2, "a message");
        return new ProtoReader(data, valueStart, valueStart + valueLength);
    }

    /** The current repeated float field, packed or one value, appended to {@code values}. */
    void addFloats(FloatList values) {
        if (wireType == 5) {
            values.add(asFloat());
            return;
        }
        require(2, "floats");
        if (valueLength % 4 != 0) {
            throw new OnnxFormatException("malformed protobuf: packed floats of " + valueLength + " bytes");
        }
        for (int i = valueStart; i < valueStart + valueLength; i += 4) {
            values.add(Float.intBitsToFloat(littleEndianInt(i)));
        }
    }

    /** The current repeated varint field, packed or one value, appended to {@code values}. */
    void addLongs(List<Long> values) {
        if (wireType == 0) {
            values.add(varint);
            return;
        }
        ProtoReader packed = asMessage();
        while (packed.position < packed.end) {
            values.add(packed.readVarint());
        }
    }

    private void require(int expected, String what) {
        if (wireType != expected) {
            throw new OnnxFormatException("malformed protobuf: field " + field + " is not " + what);
        }
    }

    private void skip(int n) {
        if (n > end - position) {
            throw new OnnxFormatException("malformed protobuf: field " + field + " runs past the end");
        }
        valueStart = position;
        valueLength = n;
        position += n;
    }

    private long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new OnnxFormatException("malformed protobuf: a number runs past the end");
            }
            int b = data[position++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new OnnxFormatException("malformed protobuf: a number of more than ten bytes");
    }

    private int littleEndianInt(int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16
                | (data[at + 3] & 0xFF) << 24;
    }
}
