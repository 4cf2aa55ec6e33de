package dev.nn.mnist.idx;

/** The element types an IDX file may hold, with their type codes (the magic number's third byte). */
public enum IdxType {
    /** 0x08: unsigned byte. */
    UNSIGNED_BYTE(0x08, 1),
    /** 0x09: signed byte. */
    SIGNED_BYTE(0x09, 1),
    /** 0x0B: big-endian 16-bit integer. */
    SHORT(0x0B, 2),
    /** 0x0C: big-endian 32-bit integer. */
    INT(0x0C, 4),
    /** 0x0D: big-endian 32-bit float. */
    FLOAT(0x0D, 4),
    /** 0x0E: big-endian 64-bit float. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type code in the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type with this code, or null. */
    public static IdxType ofCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
