/**
 * Data augmentation: each training batch's images distorted afresh (affine and elastic), drawn from the run's
 * seed and the step alone; the network never sees the same picture twice, and evaluation sees them as they are.
 */
package dev.nn.core.augment;
