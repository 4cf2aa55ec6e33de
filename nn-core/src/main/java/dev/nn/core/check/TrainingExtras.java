package dev.nn.core.check;

import dev.nn.core.config.Regularization;
import dev.nn.core.layer.Dropout;
import dev.nn.core.network.Network;
import dev.nn.core.train.Penalties;

import java.util.function.Consumer;

/**
 * What a training step adds to the plain loss's gradient, for a gradient check to hold it to: dropout's masks,
 * fixed for the check (null: none), and the L2 weight penalty λ/2·‖W‖² with the code that adds its gradient.
 *
 * @param dropout the masks the forward and backward passes go through, drawn beforehand; null for none
 * @param weightDecay the penalty's λ, which the finite differences add to the loss
 * @param addDecayGradient adds the penalty's gradient to the network's gradients (the code under test)
 */
public record TrainingExtras(Dropout dropout, float weightDecay, Consumer<Network> addDecayGradient) {

    /** Nothing beside the loss. */
    public static final TrainingExtras NONE = new TrainingExtras(null, 0, network -> { });

    /** {@code dropout}'s masks and an L2 penalty of {@code weightDecay}, added by the trainer's own code. */
    public static TrainingExtras of(Dropout dropout, float weightDecay) {
        Regularization decay = Regularization.NONE.withWeightDecay(weightDecay, 0);
        return new TrainingExtras(dropout, weightDecay, network -> new Penalties(network, decay)
                .addWeightDecayGradient());
    }
}
