/** The training configuration: every hyperparameter, its default (defined once, here) and its validation. */
package dev.nn.core.config;
