package audit

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/thidua/thidua/internal/markdown"
	"github.com/thidua/thidua/lang"
	"github.com/thidua/thidua/rules"
)

// ClusterResult is the audit of one cluster-year folder of a batch: its
// report, or the reason the folder could not be audited (a missing or
// unreadable file, an invalid rulebook or recorded result).
type ClusterResult struct {
	// Dir is the folder, relative to the batch folder, with forward
	// slashes (e.g. "caobang/2020/cum2").
	Dir    string
	Report Report // zero when Err is set
	Err    error  // wraps ErrMalformedCluster
	// Reason states in any language why the folder cannot be audited, when
	// the audit says it itself (a file missing, or more than one file that
	// could be it); zero when Err is a reader's error (an invalid
	// rulebook, for instance), which is in English.
	Reason lang.Message
	// Skipped are the folder's files that have the name of a rulebook,
	// score sheet or recorded result but are not regular files (a
	// symbolic link, a FIFO, a device, a socket): the batch does not read
	// them, and says so. A folder left without one of its files by this
	// is malformed, as if the file were missing.
	Skipped []SkippedFile

	// period is the rulebook's period in force, for change control; nil
	// when the folder was not audited.
	period *rules.Period
}

// SkippedFile is a file of a batch's folder that the batch does not read,
// since it is not a regular file: a symbolic link (even one to a file in
// the batch), a named pipe (FIFO), a device or a socket. Reading one would
// echo a file from elsewhere (recorded.csv -> /etc/passwd), hang (a FIFO)
// or never end (/dev/zero).
type SkippedFile struct {
	// Path is the file, relative to the batch folder, with forward slashes
	// (e.g. "caobang/2020/cum2/recorded.csv").
	Path string `json:"path"`
	// Kind is what the file is: "symlink", "fifo", "device", "socket" or
	// "other".
	Kind string `json:"kind"`
}

// Message says that the file was skipped and why, in any language.
func (f SkippedFile) Message() lang.Message {
	kind := lang.Msg("audit.skipped.other")
	switch f.Kind {
	case "symlink":
		kind = lang.Msg("audit.skipped.symlink")
	case "fifo":
		kind = lang.Msg("audit.skipped.fifo")
	case "device":
		kind = lang.Msg("audit.skipped.device")
	case "socket":
		kind = lang.Msg("audit.skipped.socket")
	}
	return lang.Msg("audit.skipped", lang.Quote(f.Path)).With(kind)
}

// fileKind names what a directory entry is, as SkippedFile.Kind does, or
// returns "" for a regular file.
func fileKind(m fs.FileMode) string {
	switch t := m.Type(); {
	case t == 0:
		return ""
	case t&fs.ModeSymlink != 0:
		return "symlink"
	case t&fs.ModeNamedPipe != 0:
		return "fifo"
	case t&fs.ModeDevice != 0:
		return "device"
	case t&fs.ModeSocket != 0:
		return "socket"
	}
	return "other"
}

// Text says in the language why the folder cannot be audited: Reason, or
// else the error without its "malformed cluster folder: " prefix, in the
// language if the error states itself in one (an invalid rulebook, for
// instance). It is "" when Err is nil.
func (c ClusterResult) Text(t lang.Tag) string {
	switch {
	case c.Err == nil:
		return ""
	case !c.Reason.IsZero():
		return c.Reason.In(t)
	}
	var x interface{ Text(lang.Tag) string }
	if errors.As(c.Err, &x) {
		return x.Text(t)
	}
	return strings.TrimPrefix(c.Err.Error(), ErrMalformedCluster.Error()+": ")
}

// Summary counts a batch's clusters and findings.
type Summary struct {
	Clusters   int            `json:"clusters"`
	Clean      int            `json:"clean"`
	WithErrors int            `json:"with_errors"` // clusters with at least one finding of severity error
	Malformed  int            `json:"malformed"`
	Counts     Counts         `json:"findings"`
	ByKind     map[Kind]int   `json:"by_kind"`
	ByCategory map[string]int `json:"by_category"`
}

// Add counts one cluster's result.
func (s *Summary) Add(c ClusterResult) {
	if s.ByKind == nil {
		s.ByKind = map[Kind]int{}
		s.ByCategory = map[string]int{}
	}
	s.Clusters++
	switch {
	case c.Err != nil:
		s.Malformed++
		return
	case c.Report.Clean:
		s.Clean++
	}
	if c.Report.Counts.Errors > 0 {
		s.WithErrors++
	}
	s.Counts.Add(c.Report.Counts)
	for _, f := range c.Report.Findings {
		s.ByKind[f.Kind]++
		s.ByCategory[f.Kind.Category()]++
	}
}

// BatchOption adjusts a batch audit.
type BatchOption func(*batchConfig)

type batchConfig struct {
	workers int
}

// Workers sets the number of clusters audited at once (default: the number
// of CPUs Go may use, GOMAXPROCS).
func Workers(n int) BatchOption {
	return func(c *batchConfig) {
		if n > 0 {
			c.workers = n
		}
	}
}

// Batch audits every cluster-year folder under dir and calls each with the
// result of every folder, one at a time, in lexical order of the folders'
// paths, whatever order the workers finish in. It returns the summary.
//
// The layout (see the package documentation): a cluster-year folder is a
// folder holding a file rulebook.yaml (or .yml, .json), one score sheet
// scores*.csv (or .txt, .json, .yaml, .yml, .xlsx) and one recorded result
// recorded*.csv (or .json, .yaml, .yml). Folders may be nested at any
// depth (e.g. province/year/cluster). A folder holding some of these files
// but not all, or an invalid rulebook or recorded result, is reported as
// malformed (ClusterResult.Err) and the batch goes on. A recorded result
// that is a sealed record (schema thidua/record/v1) is audited as
// AuditSealed does.
//
// Each folder's report also holds the findings of rulebook change control
// (see the package documentation): its rulebook against the folders of the
// same cluster before it (the same year, or an overlapping period in
// force, under another rulebook), against the sealed records of the folder
// (record*.json), and against the dates of its scores (DatedAfter).
// Change control remembers a few strings per distinct cluster, year and
// rulebook.
//
// Batch streams: folders are found while others are audited, at most a
// few dozen per worker are held at once, and a report is dropped once
// each has returned, so memory does not grow with the number of clusters.
// Identical rulebook files (the same bytes) are parsed once and shared,
// since a rulebook is immutable. An error returned by each, or the context's
// cancellation, stops the batch and is returned; the context reaches each
// folder's audit too, which stops between its steps.
func Batch(ctx context.Context, dir string, each func(ClusterResult) error, opts ...BatchOption) (Summary, error) {
	cfg := batchConfig{workers: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(&cfg)
	}
	var sum Summary
	sum.ByKind, sum.ByCategory = map[Kind]int{}, map[string]int{}
	if _, err := os.Stat(dir); err != nil {
		return sum, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		dir     string
		entries []os.DirEntry
		out     chan ClusterResult
	}
	// The results held at most, waiting for their turn: enough that the
	// workers need not wait for the results to be passed on (nor the
	// walker, which waits for room in the window, for them) when one
	// folder takes longer than the others or the goroutine that passes
	// them on is not running.
	window := 16 * cfg.workers
	jobs := make(chan job, cfg.workers)
	order := make(chan chan ClusterResult, window)
	cache := newRulebookCache(64)

	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Go(func() {
			for j := range jobs {
				j.out <- auditFolder(ctx, dir, j.dir, j.entries, cache)
			}
		})
	}
	walkErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		enqueue := func(path string, entries []os.DirEntry) error {
			rel, _ := filepath.Rel(dir, path)
			out := make(chan ClusterResult, 1) // workers never block on it
			select {
			case order <- out: // reserves the next place in the output order
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{filepath.ToSlash(rel), entries, out}:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		}
		walkErr <- filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == dir {
					return err
				}
				// An unreadable folder: auditFolder reports it as malformed.
				if err := enqueue(path, nil); err != nil {
					return err
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				return nil
			}
			entries, err := os.ReadDir(path)
			if err != nil || !isClusterFolder(entries) {
				return nil // WalkDir reports an unreadable folder itself
			}
			if err := enqueue(path, entries); err != nil {
				return err
			}
			return fs.SkipDir
		})
	}()

	var control changeControl
	var err error
loop:
	for out := range order {
		// A result may be ready when the context is cancelled: select
		// would pick either case at random, so the context is checked
		// first, and no result is passed on once it is done.
		if err = ctx.Err(); err != nil {
			break
		}
		var res ClusterResult
		select {
		case res = <-out:
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		}
		control.check(&res)
		sum.Add(res)
		if e := each(res); e != nil {
			err = e
			break loop
		}
	}
	cancel() // stops the walker; workers finish the folder in hand
	wg.Wait()
	if werr := <-walkErr; err == nil && werr != nil {
		err = werr
	}
	return sum, err
}

var (
	rulebookNames = []string{"rulebook.yaml", "rulebook.yml", "rulebook.json"}
	dataExts      = []string{".csv", ".json", ".yaml", ".yml", ".txt"}
)

// clusterFile reports whether a file name is one of a cluster folder's: a
// score sheet may also be an Excel workbook (.xlsx), a recorded result not.
func clusterFile(name string) bool {
	if slices.Contains(rulebookNames, name) {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".xlsx" {
		return strings.HasPrefix(name, "scores")
	}
	return slices.Contains(dataExts, ext) && (strings.HasPrefix(name, "scores") || strings.HasPrefix(name, "recorded"))
}

func isClusterFolder(entries []os.DirEntry) bool {
	return slices.ContainsFunc(entries, func(e os.DirEntry) bool { return !e.IsDir() && clusterFile(e.Name()) })
}

// auditFolder audits one cluster-year folder.
func auditFolder(ctx context.Context, root, rel string, entries []os.DirEntry, cache *rulebookCache) ClusterResult {
	res := ClusterResult{Dir: rel}
	path := filepath.Join(root, filepath.FromSlash(rel))
	fail := func(err error) ClusterResult {
		res.Err = fmt.Errorf("%w: %w", ErrMalformedCluster, err)
		return res
	}
	failWith := func(reason lang.Message) ClusterResult {
		res.Err = fmt.Errorf("%w: %s", ErrMalformedCluster, reason.In(lang.English))
		res.Reason = reason
		return res
	}
	if entries == nil {
		var err error
		if entries, err = os.ReadDir(path); err != nil {
			return fail(err)
		}
	}
	var rulebook, scores, recorded, records []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(clusterFile(n) || isRecordName(n)) {
			continue
		}
		// The entry's type is the file's own (lstat): a symbolic link is
		// never followed, and a FIFO or device never opened.
		if k := fileKind(e.Type()); k != "" {
			res.Skipped = append(res.Skipped, SkippedFile{Path: pathpkg.Join(rel, n), Kind: k})
			continue
		}
		switch {
		case slices.Contains(rulebookNames, n):
			rulebook = append(rulebook, n)
		case strings.HasPrefix(n, "scores"):
			scores = append(scores, n)
		case isRecordName(n):
			records = append(records, n)
		default:
			recorded = append(recorded, n)
		}
	}
	for _, f := range []struct {
		names []string
		what  lang.Message
	}{{rulebook, lang.Msg("audit.file.rulebook")}, {scores, lang.Msg("audit.file.sheet")}, {recorded, lang.Msg("audit.file.recorded")}} {
		switch len(f.names) {
		case 0:
			return failWith(lang.Msg("audit.malformed.missing").With(f.what))
		case 1:
		default:
			return failWith(lang.Msg("audit.malformed.ambiguous", len(f.names), strings.Join(f.names, ", ")).With(f.what))
		}
	}
	rulesPath := filepath.Join(path, rulebook[0])
	rb, err := cache.load(rulesPath)
	if err != nil {
		return fail(err)
	}
	scoresPath, recordedPath := filepath.Join(path, scores[0]), filepath.Join(path, recorded[0])
	sealed := isSealedRecordFile(recordedPath)
	// Change control within the folder: the rulebook's dates against the
	// minutes' year and meeting (DatedAfter, as every audit does), and
	// against each sealed record.
	var rep Report
	if sealed {
		// A sealed record in place of the minutes: verified, not parsed.
		rep, err = auditSealed(ctx, rb, nil, rulesPath, scoresPath, recordedPath, nil)
	} else {
		rep, err = auditFiles(ctx, rb, rulesPath, scoresPath, recordedPath, true) // the folder's entries are regular files
	}
	if err != nil {
		if ctx.Err() != nil {
			res.Err = err // the batch is stopping: this result is not passed on
			return res
		}
		return fail(err)
	}
	for _, n := range records {
		rep.addFindings(sealedFindings(rb, rep.Year, filepath.Join(path, n), pathpkg.Join(rel, n))...)
	}
	res.Report = rep
	p := rb.InForce()
	res.period = &p
	return res
}

// isSealedRecordFile reports whether a recorded result of a batch's folder
// is a sealed record: a .json file whose schema is record.Schema.
func isSealedRecordFile(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".json") && IsSealedRecord(path)
}

// rulebookCache parses each distinct rulebook file content once. It holds
// at most size rulebooks, dropping the least recently used.
type rulebookCache struct {
	mu    sync.Mutex
	size  int
	tick  int
	items map[[32]byte]*cached
}

type cached struct {
	rb   *rules.Rulebook
	err  error
	used int
	once sync.Once
	data []byte
	name string
}

func newRulebookCache(size int) *rulebookCache {
	return &rulebookCache{size: size, items: map[[32]byte]*cached{}}
}

func (c *rulebookCache) load(path string) (*rules.Rulebook, error) {
	data, release, err := readPooled(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	key := sha256.Sum256(data)
	c.mu.Lock()
	it, ok := c.items[key]
	if ok {
		release() // the bytes are not needed: they are the rulebook's parsed before
		data = nil
	} else {
		if len(c.items) >= c.size {
			var oldest [32]byte
			least := -1
			for k, v := range c.items {
				if least < 0 || v.used < least {
					oldest, least = k, v.used
				}
			}
			delete(c.items, oldest)
		}
		it = &cached{data: data, name: path}
		c.items[key] = it
	}
	c.tick++
	it.used = c.tick
	c.mu.Unlock()
	it.once.Do(func() {
		it.rb, it.err = rules.Parse(it.name, it.data)
		it.data = nil
	})
	if it.err != nil {
		// The error names the file first parsed; read and parse again to
		// name this one.
		if data == nil {
			if data, err = readLimited(path, MaxBytes); err != nil {
				return nil, err
			}
		}
		_, err := rules.Parse(path, data)
		return nil, err
	}
	return it.rb, nil
}

// BatchWriter writes the reports of a batch as they come, in one of the
// report formats, then the summary: Markdown with a section per cluster,
// JSON as one object {"schema", "clusters": [...], "summary"} written
// incrementally, or one HTML page. Clean clusters are written without
// their member-by-member table, to keep the output short.
type BatchWriter struct {
	w      *bufio.Writer
	f      Format
	t      lang.Tag
	n      int
	failed error
}

// BatchSchema is the schema name of a batch written as JSON: v2 holds
// audit reports of thidua/audit/v2, and a folder's reason as a message
// rather than an English string beside one.
const BatchSchema = "thidua/audit-batch/v2"

// NewBatchWriter starts a batch output on w, in English. title names the
// batch (e.g. its folder). NewBatchWriterIn writes it in a language.
func NewBatchWriter(w io.Writer, f Format, title string) (*BatchWriter, error) {
	return NewBatchWriterIn(w, f, title, lang.English)
}

// NewBatchWriterIn starts a batch output on w in the language (see
// Report.WriteIn). The JSON output is the same in every language.
func NewBatchWriterIn(w io.Writer, f Format, title string, t lang.Tag) (*BatchWriter, error) {
	b := &BatchWriter{w: bufio.NewWriter(w), f: f, t: t}
	l := labelsIn(t)
	switch f {
	case Markdown:
		fmt.Fprintf(b.w, "# %s: %s\n\n", l.Batch, md(title))
	case JSON:
		t, _ := json.Marshal(title)
		fmt.Fprintf(b.w, "{\n  \"schema\": %q,\n  \"title\": %s,\n  \"clusters\": [", BatchSchema, t)
	case HTML:
		if err := pages.ExecuteTemplate(b.w, "batch-head", struct {
			L           labels
			Lang, Title string
		}{l, t.String(), title}); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown report format %q", f)
	}
	return b, nil
}

// jsonCluster is a cluster folder in a batch's JSON output: its report,
// or why it could not be audited — as a message when the audit states it
// (Reason), else the reader's error as it states itself, in English.
type jsonCluster struct {
	Dir     string        `json:"dir"`
	Reason  lang.Message  `json:"reason,omitzero"`
	Error   string        `json:"error,omitempty"`
	Skipped []jsonSkipped `json:"skipped,omitempty"`
	Report  *Report       `json:"report,omitempty"`
}

// jsonSkipped is a skipped file in a batch's JSON output.
type jsonSkipped struct {
	SkippedFile
	Message lang.Message `json:"message"`
}

// Cluster writes one cluster's result.
func (b *BatchWriter) Cluster(c ClusterResult) error {
	if b.failed != nil {
		return b.failed
	}
	rep := c.Report
	if rep.Clean {
		rep.Members = nil
	}
	l := labelsIn(b.t)
	switch b.f {
	case Markdown:
		if c.Err != nil {
			fmt.Fprintf(b.w, "## %s\n\n**%s:** %s\n\n", md(c.Dir), l.Malformed, md(c.Text(b.t)))
		} else {
			fmt.Fprintf(b.w, "<!-- %s -->\n", markdown.Comment(c.Dir))
			rep.view(b.t).markdown(b.w, "##", !rep.Clean)
		}
		for _, f := range c.Skipped {
			fmt.Fprintf(b.w, "%s\n\n", md(f.Message().In(b.t)))
		}
	case JSON:
		jc := jsonCluster{Dir: c.Dir}
		for _, f := range c.Skipped {
			jc.Skipped = append(jc.Skipped, jsonSkipped{f, f.Message()})
		}
		switch {
		case !c.Reason.IsZero():
			jc.Reason = c.Reason
		case c.Err != nil:
			jc.Error = c.Err.Error()
		default:
			jc.Report = &rep
		}
		data, err := json.Marshal(jc)
		if err != nil {
			b.failed = err
			return err
		}
		if b.n > 0 {
			b.w.WriteByte(',')
		}
		b.w.WriteString("\n    ")
		b.w.Write(data)
	case HTML:
		// The heading is the folder, then the cluster and year if known.
		heading := c.Dir + " — " + rep.Cluster
		if rep.Year != 0 {
			heading += fmt.Sprintf(" %d", rep.Year)
		}
		errText := ""
		if c.Err != nil {
			errText = c.Err.Error()
			if b.t != lang.English {
				errText = l.Malformed + ": " + c.Text(b.t)
			}
		}
		var skipped []string
		for _, f := range c.Skipped {
			skipped = append(skipped, f.Message().In(b.t))
		}
		if err := pages.ExecuteTemplate(b.w, "batch-cluster", struct {
			Dir, Heading, Err string
			Skipped           []string
			Report            view
		}{c.Dir, heading, errText, skipped, rep.view(b.t)}); err != nil {
			b.failed = err
			return err
		}
	}
	b.n++
	if b.w.Buffered() > 64<<10 {
		if err := b.w.Flush(); err != nil {
			b.failed = err
		}
	}
	return b.failed
}

// Close writes the summary and flushes.
func (b *BatchWriter) Close(s Summary) error {
	if b.failed != nil {
		return b.failed
	}
	l := labelsIn(b.t)
	switch b.f {
	case Markdown:
		fmt.Fprintf(b.w, "## %s\n\n", l.Summary)
		row(b.w, l.SummaryHeads[:])
		fmt.Fprintf(b.w, "| %d | %d | %d | %d | %d | %d | %d |\n\n",
			s.Clusters, s.Clean, s.WithErrors, s.Malformed, s.Counts.Errors, s.Counts.Warnings, s.Counts.Infos)
		if len(s.ByKind) > 0 {
			row(b.w, l.KindHeads[:])
			for _, k := range Kinds() {
				if n := s.ByKind[k]; n > 0 {
					fmt.Fprintf(b.w, "| %s | %s | %d |\n", k.Label(b.t), categoryLabel(k.Category(), b.t), n)
				}
			}
			fmt.Fprintln(b.w)
		}
	case JSON:
		data, err := json.MarshalIndent(s, "  ", "  ")
		if err != nil {
			return err
		}
		if b.n > 0 {
			b.w.WriteString("\n  ")
		}
		fmt.Fprintf(b.w, "],\n  \"summary\": %s\n}\n", data)
	case HTML:
		if err := pages.ExecuteTemplate(b.w, "batch-foot", struct {
			L labels
			S Summary
		}{l, s}); err != nil {
			return err
		}
	}
	return b.w.Flush()
}
