/**
 * Hyper-parameter search for {@code nn tune}: {@link dev.nn.app.tune.Axis} parses one parameter's values,
 * {@link dev.nn.app.tune.Setting} is one point of the search, {@link dev.nn.app.tune.TrialLog} keeps the CSV
 * that makes a search resumable, {@link dev.nn.app.tune.Ranking} summarises it.
 */
package dev.nn.app.tune;
