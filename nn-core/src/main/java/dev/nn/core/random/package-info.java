/** The one source of randomness: a small seeded generator whose whole state is a single long. */
package dev.nn.core.random;
