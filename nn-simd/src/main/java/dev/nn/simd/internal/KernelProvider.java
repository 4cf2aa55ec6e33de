package dev.nn.simd.internal;

import dev.nn.simd.SimdInfo;
import dev.nn.simd.internal.scalar.Scalar;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM, from the settings below, and says which on the logger
 * {@code dev.nn.simd} (INFO; WARNING when SIMD was wanted but is missing).
 *
 * <p>{@code -Dnn.simd=auto} (the default) takes Panama when the {@code jdk.incubator.vector} module is present
 * and otherwise the scalar twin, naming the remedy; {@code scalar} and {@code panama} force a choice.
 * {@code -Dnn.simd.bits=128|256|512} narrows the vector width (at most the JVM's preferred one),
 * {@code -Dnn.simd.fma=true|false} sets the use of fused multiply-add (default: the JVM's {@code UseFMA}; the
 * Panama kernels need it, so without it the scalar twin runs, with unfused multiply-adds), and
 * {@code -Dnn.simd.quiet=true} leaves the line out. A bad setting is never thrown from here: it is kept, and every
 * kernel call then fails with one {@link IllegalStateException} naming the property.
 */
public final class KernelProvider {

    /** The module that holds the Vector API. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final int BITS = parseBits();
    private static final Implementation IMPLEMENTATION;
    private static final SimdInfo INFO;
    private static final String ERROR;
    private static final ProductEngine PRODUCTS;
    private static final RunEngine RUNS;

    static {
        Implementation chosen = null;
        SimdInfo info = null;
        String error = null;
        String remedy = null;
        try {
            if (BITS < 0) {
                throw new IllegalStateException("-Dnn.simd.bits must be 128, 256 or 512 (0 for the widest), not '"
                        + System.getProperty("nn.simd.bits") + "'");
            }
            String mode = System.getProperty("nn.simd", "auto").toLowerCase(Locale.ROOT);
            boolean present = isVectorModulePresent();
            boolean fma = fmaEnabled();
            switch (mode) {
                case "auto" -> remedy = present ? null : "the " + VECTOR_MODULE + " module is not in this JVM; add"
                        + " --add-modules " + VECTOR_MODULE + " for SIMD";
                case "scalar" -> remedy = "scalar requested with -Dnn.simd=scalar";
                case "panama" -> {
                    if (!present) {
                        throw new IllegalStateException("-Dnn.simd=panama needs the " + VECTOR_MODULE
                                + " module: add --add-modules " + VECTOR_MODULE);
                    }
                }
                default -> throw new IllegalStateException("-Dnn.simd must be auto, scalar or panama, not '"
                        + System.getProperty("nn.simd") + "'");
            }
            if (remedy == null && !fma) {
                if (mode.equals("panama")) {
                    throw new IllegalStateException("-Dnn.simd=panama needs fused multiply-add, which is off here"
                            + " (-Dnn.simd.fma=false, or a CPU without FMA)");
                }
                remedy = "fused multiply-add is off (-Dnn.simd.fma=false, or a CPU without FMA); the vector kernels"
                        + " need it";
            }
            if (remedy == null) {
                chosen = newPanama();
                info = new SimdInfo("panama", chosen.vectorBits(), chosen.vectorBits() / Float.SIZE, fma);
            } else {
                chosen = Scalar.implementation(fma);
                info = new SimdInfo("scalar", 0, 1, fma);
            }
        } catch (IllegalStateException e) {
            chosen = null;
            error = e.getMessage();
        }
        IMPLEMENTATION = chosen;
        INFO = info;
        ERROR = error;
        PRODUCTS = chosen == null ? null : new ProductEngine(chosen.products());
        RUNS = chosen == null ? null : new RunEngine(chosen.updates(), chosen.conversions());
        if (!Boolean.getBoolean("nn.simd.quiet")) {
            System.Logger log = System.getLogger("dev.nn.simd");
            if (error != null) {
                log.log(System.Logger.Level.ERROR, "nn-simd: " + error);
            } else if (remedy != null && !remedy.startsWith("scalar requested")) {
                log.log(System.Logger.Level.WARNING, "nn-simd: " + info.describe() + " (" + remedy + ")");
            } else {
                log.log(System.Logger.Level.INFO, "nn-simd: " + info.describe() + (remedy == null ? "" : " (" + remedy + ")"));
            }
        }
    }

    private KernelProvider() {
    }

    /** The chosen implementation; a bad setting fails here, on every call, with the message naming it. */
    public static Implementation implementation() {
        if (IMPLEMENTATION == null) {
            throw new IllegalStateException(ERROR);
        }
        return IMPLEMENTATION;
    }

    /** The product engine over the chosen implementation; fails as {@link #implementation()} does. */
    public static ProductEngine products() {
        implementation();
        return PRODUCTS;
    }

    /** The run engine over the chosen implementation; fails as {@link #implementation()} does. */
    public static RunEngine runs() {
        implementation();
        return RUNS;
    }

    /** What was chosen; fails as {@link #implementation()} does. */
    public static SimdInfo info() {
        implementation();
        return INFO;
    }

    /** The vector width {@code -Dnn.simd.bits} asks for, 0 for the preferred one. */
    public static int requestedBits() {
        return BITS;
    }

    /** Whether the Vector API module is in the boot layer of this JVM. */
    public static boolean isVectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Whether kernels fuse multiply-adds: {@code -Dnn.simd.fma}, else the JVM's own {@code UseFMA} flag. */
    public static boolean fmaEnabled() {
        String forced = System.getProperty("nn.simd.fma");
        if (forced != null) {
            return switch (forced.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalStateException("-Dnn.simd.fma must be true or false, not '" + forced + "'");
            };
        }
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A new scalar twin, for tests and benchmarks that compare both implementations. */
    public static Implementation newScalar() {
        return Scalar.implementation(fmaEnabled());
    }

    /**
     * A new Panama implementation, created reflectively so this class never links the incubator API; fails with
     * the settings' message when {@code -Dnn.simd.bits} asks for a width this JVM does not have.
     */
    public static Implementation newPanama() {
        try {
            Class<?> panama = Class.forName(KernelProvider.class.getPackageName() + ".panama.Panama");
            int preferred = (int) panama.getMethod("preferredBits").invoke(null);
            if (BITS > preferred) {
                throw new IllegalStateException("-Dnn.simd.bits=" + BITS + " is wider than this JVM's widest vector ("
                        + preferred + " bits); use " + (preferred == 128 ? "128" : "128 to " + preferred));
            }
            return (Implementation) panama.getMethod("implementation").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create the Panama kernels: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Panama kernels: " + e, e);
        }
    }

    private static int parseBits() {
        String text = System.getProperty("nn.simd.bits");
        if (text == null || text.isBlank()) {
            return 0;
        }
        return switch (text.strip()) {
            case "0" -> 0;
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> -1;
        };
    }
}
