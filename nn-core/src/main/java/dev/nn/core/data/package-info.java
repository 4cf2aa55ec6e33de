/**
 * Labelled data: {@link dev.nn.core.data.Dataset} (pictures kept as bytes and converted to floats one batch at a
 * time, or float features), {@link dev.nn.core.data.Table} (named columns and classes) and
 * {@link dev.nn.core.data.CsvReader}, which reads tables from CSV files.
 */
package dev.nn.core.data;
