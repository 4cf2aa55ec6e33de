/** Shows training as it goes: a progress bar on a terminal, one line per epoch everywhere. */
package dev.nn.app.progress;
