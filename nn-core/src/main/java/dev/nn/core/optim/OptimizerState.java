package dev.nn.core.optim;

import java.util.List;

/**
 * What an optimiser's next step depends on besides the gradients: for checkpoints.
 *
 * @param steps steps taken so far
 * @param buffers its per-parameter buffers (for Adam: every first moment, then every second moment), copied
 */
public record OptimizerState(long steps, List<float[]> buffers) {
}
