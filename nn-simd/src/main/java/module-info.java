/**
 * Float kernels on the Java Vector API with a scalar twin of each. Only the facade package is exported; the
 * Vector API module is optional at run time: without it the scalar twin runs. jdk.management reads the
 * JVM's UseFMA flag.
 */
module dev.nn.simd {
    requires static jdk.incubator.vector;
    requires jdk.management;

    exports dev.nn.simd;
}
