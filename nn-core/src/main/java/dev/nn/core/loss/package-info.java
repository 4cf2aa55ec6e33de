/** Loss functions over a batch of logits and integer labels, with their gradient with respect to the logits. */
package dev.nn.core.loss;
