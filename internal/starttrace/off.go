//go:build !starttrace

package starttrace

// Mark notes that start-up reached moment. Without the starttrace build
// tag it does nothing.
func Mark(moment string) {}

// Write writes the moments noted. Without the starttrace build tag it
// does nothing.
func Write() {}
