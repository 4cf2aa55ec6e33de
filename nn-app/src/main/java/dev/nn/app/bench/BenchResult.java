package dev.nn.app.bench;

/**
 * What one workload measured in one JVM. Times are medians over the repeats.
 *
 * @param workload the workload's name
 * @param shape its layers and batch
 * @param simd the kernel implementation
 * @param threads threads for the matrix products
 * @param msPerEpoch training time of one epoch of 60,000 images (median step time × steps per epoch)
 * @param trainImagesPerSecond training throughput
 * @param inferImagesPerSecond inference throughput on the 10,000 test images, batch 1000
 * @param bytesPerStep bytes allocated per training step after warm-up
 * @param gflops training GFLOP/s reached
 * @param peakGflops this core's FMA peak, measured in the same JVM
 * @param peakHeapMb the JVM's peak heap use
 * @param java the Java runtime's version
 */
public record BenchResult(String workload, String shape, String simd, int threads, double msPerEpoch,
                          double trainImagesPerSecond, double inferImagesPerSecond, double bytesPerStep,
                          double gflops, double peakGflops, long peakHeapMb, String java) {
}
