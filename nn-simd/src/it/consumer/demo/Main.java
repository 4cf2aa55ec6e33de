package demo;

import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * What another project does with nn-simd: products (dense, on a block of a larger matrix, split over threads),
 * a dot product and a softmax, printed; integer inputs, so every implementation prints the same digits. With
 * the argument {@code settings}, two calls under the JVM's settings, printing what each threw.
 */
public final class Main {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("settings")) {
            for (int call = 1; call <= 2; call++) {
                try {
                    Kernels.dot(new float[1], 0, new float[1], 0, 1);
                    System.out.println("call " + call + ": ran");
                } catch (IllegalStateException e) {
                    System.out.println("call " + call + ": " + e.getMessage());
                }
            }
            return;
        }
        float[] a = new float[6 * 40];
        float[] b = new float[40 * 9];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 7 - 3;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 5 - 2;
        }
        float[] c = new float[6 * 9];
        Kernels.matmul(a, 0, b, 0, c, 0, 6, 9, 40, 1f, 0f);
        System.out.println("A·B row 0: " + Arrays.toString(Arrays.copyOf(c, 9)));
        float[] block = new float[3 * 4];
        Kernels.matmul(a, 40 + 1, 40, b, 9 + 2, 9, block, 0, 4, 3, 4, 10, 1f, 0f);
        System.out.println("block: " + Arrays.toString(block));
        int m = 300, n = 200, k = 64;
        float[] x = new float[m * k], y = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 4 - 1;
        }
        float[] one = new float[m * n], two = new float[m * n];
        Kernels.matmulTransB(x, 0, y, 0, one, 0, m, n, k, 1f, 0f);
        try (KernelThreads threads = KernelThreads.of(2)) {
            Kernels.matmulTransB(threads, x, 0, k, y, 0, k, two, 0, n, m, n, k, 1f, 0f);
        }
        System.out.println("threads give the same result: " + Arrays.equals(one, two)
                + ", checksum " + Kernels.sum(one, 0, one.length));
        System.out.println("dot: " + Kernels.dot(a, 0, a, 0, a.length));
        float[] logits = {1, 2, 3};
        Kernels.softmax(logits, 0, 3);
        System.out.println("argmax of softmax: " + Kernels.argmax(logits, 0, 3));
    }
}
