package whatif_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/thidua/thidua/whatif"
)

// countdown is a context that is cancelled after its Err has been asked a
// number of times: it stops a search in the middle, wherever it looks.
type countdown struct {
	context.Context
	left atomic.Int64
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *countdown) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// looks counts how many times a call asks its context, uncancelled.
func looks(t *testing.T, call func(ctx context.Context) error) int64 {
	t.Helper()
	c := newCountdown(1 << 40)
	require.NoError(t, call(c))
	return 1<<40 - c.left.Load()
}

// TestCancelStops: a cancelled context stops Reach and Sensitivity before
// they start, and a context cancelled while they run stops them at every
// point where they look at it, with ctx.Err() wrapped.
func TestCancelStops(t *testing.T) {
	rb, sh := cum2(t)
	calls := map[string]func(ctx context.Context) error{
		"reach": func(ctx context.Context) error {
			_, err := whatif.Reach(ctx, rb, sh, "SXD", whatif.AwardTarget("flag"))
			return err
		},
		"reach unreachable": func(ctx context.Context) error {
			_, err := whatif.Reach(ctx, rb, sh, "SNNPTNT", whatif.RankTarget(1))
			return err
		},
		"sensitivity": func(ctx context.Context) error {
			_, err := whatif.Sensitivity(ctx, rb, sh, whatif.WeightOf("07"), whatif.Range{From: d("40"), To: d("60"), Step: d("1")})
			return err
		},
		"sensitivity of a score": func(ctx context.Context) error {
			_, err := whatif.Sensitivity(ctx, rb, sh, whatif.ScoreOf("SXD", "08"), whatif.Range{From: d("0"), To: d("10"), Step: d("0.5")})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err := call(ctx)
			require.ErrorIs(t, err, context.Canceled)
			require.ErrorContains(t, err, "stopped")

			ctx, stop := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			defer stop()
			require.ErrorIs(t, call(ctx), context.DeadlineExceeded)

			n := looks(t, call)
			require.Greater(t, n, int64(2), "the call looks at its context while it runs")
			for _, k := range []int64{1, 2, n / 2, n - 1} {
				err := call(newCountdown(k))
				require.ErrorIs(t, err, context.Canceled, "cancelled after %d looks of %d", k, n)
			}
		})
	}
}
