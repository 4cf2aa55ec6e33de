/** Measuring a network on a dataset: accuracy, mean loss, the confusion matrix. */
package dev.nn.core.metrics;
