/**
 * Plots drawn with XChart and saved as PNG or SVG: training curves, the confusion matrix, the first layer's
 * weights as images, the tuner's ranking. {@link dev.nn.app.plot.ChartFiles} writes them atomically.
 */
package dev.nn.app.plot;
