/** A project that uses nn-simd as a library: compiled and run by ConsumerIT, on the module path. */
module demo {
    requires dev.nn.simd;
}
