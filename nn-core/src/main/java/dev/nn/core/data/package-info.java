/** Labelled datasets kept as bytes (one unsigned byte per pixel), converted to floats one batch at a time. */
package dev.nn.core.data;
