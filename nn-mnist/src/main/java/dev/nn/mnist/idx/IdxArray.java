package dev.nn.mnist.idx;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The content of an IDX file: element type, dimensions and the elements' bytes as stored (big-endian).
 *
 * @param type the element type
 * @param dims the dimensions, outermost first (dims[0] is the number of items)
 * @param data the elements, {@code type.bytes()} each, row-major
 */
public record IdxArray(IdxType type, int[] dims, byte[] data) {

    /** Checks that the data has exactly the size the dimensions call for. */
    public IdxArray {
        dims = dims.clone();
        long expected = type.bytes();
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
            expected *= d;
        }
        if (dims.length == 0 || dims.length > 255 || expected != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " of " + type
                    + " do not match " + data.length + " bytes");
        }
    }

    /** An array of unsigned bytes. */
    public static IdxArray ofUnsignedBytes(byte[] data, int... dims) {
        return new IdxArray(IdxType.UNSIGNED_BYTE, dims, data);
    }

    /** The number of items: the first dimension. */
    public int count() {
        return dims[0];
    }

    /** Elements per item: the product of every dimension after the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    /** The rank (number of dimensions). */
    public int rank() {
        return dims.length;
    }

    /** Element {@code i} (in row-major order) as a double, whatever the type. */
    public double value(int i) {
        ByteBuffer b = ByteBuffer.wrap(data);
        return switch (type) {
            case UNSIGNED_BYTE -> data[i] & 0xFF;
            case SIGNED_BYTE -> data[i];
            case SHORT -> b.getShort(i * 2);
            case INT -> b.getInt(i * 4);
            case FLOAT -> b.getFloat(i * 4);
            case DOUBLE -> b.getDouble(i * 8);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other && type == other.type && Arrays.equals(dims, other.dims)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(dims)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray[" + type + " " + Arrays.toString(dims) + "]";
    }
}
