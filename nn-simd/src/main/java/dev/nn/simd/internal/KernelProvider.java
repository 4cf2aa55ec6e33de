package dev.nn.simd.internal;

import dev.nn.simd.SimdInfo;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM and says which, on one line of standard error.
 *
 * <p>{@code -Dnn.simd=auto} (the default) takes Panama when the {@code jdk.incubator.vector} module is present
 * and otherwise the scalar twin, with one line naming the remedy; {@code scalar} and {@code panama} force a
 * choice ({@code panama} fails when the module is absent). {@code -Dnn.simd.bits=128|256|512} forces the
 * vector width, {@code -Dnn.simd.fma=true|false} the use of fused multiply-add (default: the JVM's
 * {@code UseFMA}), and {@code -Dnn.simd.quiet=true} silences the line.
 */
public final class KernelProvider {

    /** The module that holds the Vector API. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final ThreadedKernels SUPPORT;
    private static final SimdInfo INFO;

    static {
        String mode = System.getProperty("nn.simd", "auto").toLowerCase(Locale.ROOT);
        boolean present = isVectorModulePresent();
        String remedy = null;
        switch (mode) {
            case "auto" -> remedy = present ? null
                    : "the " + VECTOR_MODULE + " module is not in this JVM; add --add-modules "
                      + VECTOR_MODULE + " for SIMD";
            case "scalar" -> remedy = "scalar requested with -Dnn.simd=scalar";
            case "panama" -> {
                if (!present) {
                    throw new IllegalStateException("-Dnn.simd=panama needs the " + VECTOR_MODULE
                            + " module: add --add-modules " + VECTOR_MODULE);
                }
            }
            default -> throw new IllegalStateException(
                    "-Dnn.simd must be auto, scalar or panama, not '" + mode + "'");
        }
        boolean fma = fmaEnabled();
        if (remedy == null) {
            SUPPORT = new ThreadedKernels(newPanama());
            int bits = panamaBits();
            INFO = new SimdInfo("panama", bits, bits / Float.SIZE, fma);
        } else {
            SUPPORT = new ThreadedKernels(new ScalarKernels(fma));
            INFO = new SimdInfo("scalar", 0, 1, fma);
        }
        if (!Boolean.getBoolean("nn.simd.quiet")) {
            System.err.println("nn-simd: " + INFO.describe() + (remedy == null ? "" : " (" + remedy + ")"));
        }
    }

    private KernelProvider() {
    }

    /** The chosen implementation. */
    public static KernelSupport support() {
        return SUPPORT;
    }

    /** Uses {@code threads} threads (the caller included) for large matrix products. */
    public static void setThreads(int threads) {
        SUPPORT.setThreads(threads);
    }

    /** The thread count for matrix products. */
    public static int threads() {
        return SUPPORT.threads();
    }

    /** What was chosen. */
    public static SimdInfo info() {
        return INFO;
    }

    /** Whether the Vector API module is in the boot layer of this JVM. */
    public static boolean isVectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Whether kernels fuse multiply-adds: {@code -Dnn.simd.fma}, else the JVM's own {@code UseFMA} flag. */
    static boolean fmaEnabled() {
        String forced = System.getProperty("nn.simd.fma");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A new scalar twin, for tests and benchmarks that compare both implementations. */
    static KernelSupport newScalar() {
        return new ScalarKernels(fmaEnabled());
    }

    /** A new Panama implementation, created reflectively so this class never links the incubator API. */
    static KernelSupport newPanama() {
        try {
            return (KernelSupport) Class.forName(KernelProvider.class.getPackageName() + ".PanamaKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Panama kernels", e);
        }
    }

    private static int panamaBits() {
        try {
            return (int) Class.forName(KernelProvider.class.getPackageName() + ".PanamaKernels")
                    .getDeclaredMethod("vectorBits").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the Panama species", e);
        }
    }
}
