//! Input: files, directories, stdin, gzip.
