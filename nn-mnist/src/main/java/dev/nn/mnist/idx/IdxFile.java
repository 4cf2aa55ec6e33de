package dev.nn.mnist.idx;

/**
 * An IDX file as read: its content and the SHA-256 digests that identify it.
 *
 * @param name the file's name, as given to the reader
 * @param array the content
 * @param contentSha256 SHA-256 of the uncompressed IDX bytes (the same whatever gzip made the file)
 * @param fileSha256 SHA-256 of the bytes as stored (gzip or not)
 * @param gzipped whether the file was gzip-compressed
 */
public record IdxFile(String name, IdxArray array, String contentSha256, String fileSha256, boolean gzipped) {
}
