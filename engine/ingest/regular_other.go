//go:build !unix

package ingest

// openNonblock is not needed where there are no FIFOs in the file system.
const openNonblock = 0
