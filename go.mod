module github.com/cairn-run/cairn

go 1.26.0

require go.etcd.io/bbolt v1.5.0

require (
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
)
