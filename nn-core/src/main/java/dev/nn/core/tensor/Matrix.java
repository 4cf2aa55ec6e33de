package dev.nn.core.tensor;

/**
 * A row-major float matrix over one array. Its capacity in rows is fixed when it is made; the number of rows
 * in use can shrink and grow within it, so that a batch buffer serves the last, smaller batch too.
 */
public final class Matrix {

    private final float[] data;
    private final int cols;
    private int rows;

    /** A zero matrix with room for {@code capacityRows} rows of {@code cols} columns, all in use. */
    public Matrix(int capacityRows, int cols) {
        if (capacityRows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + capacityRows + "×" + cols);
        }
        this.data = new float[Math.multiplyExact(capacityRows, cols)];
        this.cols = cols;
        this.rows = capacityRows;
    }

    /** The backing array: element (i, j) is at {@code i*cols() + j}. */
    public float[] data() {
        return data;
    }

    /** Rows in use. */
    public int rows() {
        return rows;
    }

    /** Columns. */
    public int cols() {
        return cols;
    }

    /** The most rows this matrix can hold. */
    public int capacityRows() {
        return cols == 0 ? rows : data.length / cols;
    }

    /** Sets the number of rows in use, at most {@link #capacityRows()}. */
    public void setRows(int rows) {
        if (rows < 0 || rows > capacityRows()) {
            throw new IllegalArgumentException("rows " + rows + " outside 0.." + capacityRows());
        }
        this.rows = rows;
    }

    /** Element (i, j). */
    public float get(int i, int j) {
        return data[i * cols + j];
    }

    /** Sets element (i, j). */
    public void set(int i, int j, float value) {
        data[i * cols + j] = value;
    }

    /** Elements in use: rows × cols. */
    public int size() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "×" + cols + "]";
    }
}
