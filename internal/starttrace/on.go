//go:build starttrace

package starttrace

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	moments []string
	at      = map[string]time.Time{}
)

// Mark notes that start-up reached moment, the first time only.
func Mark(moment string) {
	now := time.Now()
	mu.Lock()
	defer mu.Unlock()
	if _, ok := at[moment]; ok {
		return
	}
	at[moment] = now
	moments = append(moments, moment)
}

// Write writes the moments noted to $CAIRN_STARTTRACE.
func Write() {
	path := os.Getenv("CAIRN_STARTTRACE")
	if path == "" {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	var t0 time.Time
	if ns, err := strconv.ParseInt(os.Getenv("CAIRN_STARTTRACE_T0"), 10, 64); err == nil {
		t0 = time.Unix(0, ns)
	} else if len(moments) > 0 {
		t0 = at[moments[0]]
	}
	var b strings.Builder
	for _, m := range moments {
		fmt.Fprintf(&b, "%s %d\n", m, at[m].Sub(t0).Microseconds())
	}
	os.WriteFile(path, []byte(b.String()), 0o600)
}
