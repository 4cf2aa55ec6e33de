/**
 * The IDX file format (LeCun): a magic number giving the element type and rank, the dimensions as big-endian
 * 32-bit integers, then the elements. Read gzipped or plain (detected by content) and written, with
 * one-line errors that name the file.
 */
package dev.nn.mnist.idx;
