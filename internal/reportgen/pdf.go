package reportgen

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// PDFTools names the programs MakePDFs runs.
type PDFTools struct {
	// Soffice is LibreOffice's soffice; Chromium the browser. Empty means look them up.
	Soffice, Chromium string
	// Log receives one line per batch converted.
	Log io.Writer
}

func (t *PDFTools) logf(format string, args ...any) {
	if t.Log != nil {
		fmt.Fprintf(t.Log, format+"\n", args...)
	}
}

// MakePDFs makes the PDF files a manifest of dir lists from their HTML and DOCX files:
// LibreOffice converts the HTML (as Writer/Web) and the DOCX, Chromium prints the HTML.
// Files are written as NAME.lo-html.pdf, NAME.lo-docx.pdf and NAME.chromium.pdf. The
// three carriers are made at the same time (each by its own process: Chromium mostly
// waits, LibreOffice is single-threaded). Neither tool is needed at test time: the tests
// use PDFs made once and committed.
func MakePDFs(ctx context.Context, dir string, m *Manifest, tools PDFTools) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, len(PDFCarriers()))
	for _, c := range PDFCarriers() {
		var names []string
		for _, f := range m.Files {
			if f.Carrier == c {
				names = append(names, strings.TrimSuffix(f.Path, c.Ext()))
			}
		}
		if len(names) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			switch c {
			case PDFLOHTML:
				err = tools.soffice(ctx, abs, names, HTML, c, []string{"--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"})
			case PDFLODOCX:
				err = tools.soffice(ctx, abs, names, DOCX, c, []string{"--convert-to", "pdf:writer_pdf_Export"})
			case PDFChromium:
				err = tools.chromium(ctx, abs, names)
			}
			if err != nil {
				errs <- fmt.Errorf("%s: %w", c, err)
				cancel()
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// soffice converts the source files in batches (one LibreOffice start per batch is much
// faster than one per file) into a scratch folder, then moves each PDF to its name.
func (t *PDFTools) soffice(ctx context.Context, dir string, names []string, src, c Carrier, args []string) error {
	bin := t.Soffice
	if bin == "" {
		bin = "soffice"
	}
	scratch, err := os.MkdirTemp("", "reportgen-lo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	profile := "file://" + filepath.Join(scratch, "profile")
	out := filepath.Join(scratch, "out")
	const batch = 50
	for i := 0; i < len(names); i += batch {
		chunk := names[i:min(i+batch, len(names))]
		cmdArgs := append([]string{"--headless", "--norestore", "-env:UserInstallation=" + profile}, args...)
		cmdArgs = append(cmdArgs, "--outdir", out)
		for _, n := range chunk {
			cmdArgs = append(cmdArgs, filepath.Join(dir, n+src.Ext()))
		}
		start := time.Now()
		cmd := exec.CommandContext(ctx, bin, cmdArgs...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("soffice: %w: %s", err, msg)
		}
		for _, n := range chunk {
			if err := os.Rename(filepath.Join(out, n+".pdf"), filepath.Join(dir, n+c.Ext())); err != nil {
				return fmt.Errorf("soffice made no PDF of %s: %w", n+src.Ext(), err)
			}
		}
		t.logf("%s: %d files in %s", c, len(chunk), time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// chromium prints every HTML file with one headless Chromium, driven over the DevTools
// protocol (starting the browser for each file costs seconds).
func (t *PDFTools) chromium(ctx context.Context, dir string, names []string) error {
	bin := t.Chromium
	if bin == "" {
		bin = "chromium"
	}
	profile, err := os.MkdirTemp("", "reportgen-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+profile, "--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cancel(); _ = cmd.Wait() }()
	wsURL, err := devtoolsURL(stderr)
	if err != nil {
		return err
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	conn, err := websocket.Dial(wsURL, "", "http://127.0.0.1/")
	if err != nil {
		return fmt.Errorf("devtools: %w", err)
	}
	defer conn.Close()
	conn.MaxPayloadBytes = 256 << 20
	cdp := newCDP(conn)
	start := time.Now()
	// A few tabs at once: printing mostly waits, so tabs overlap well even on two cores.
	jobs := make(chan string)
	errs := make(chan error, 1)
	var done sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for range 4 {
		done.Add(1)
		go func() {
			defer done.Done()
			for n := range jobs {
				data, err := cdp.print(ctx, "file://"+filepath.Join(dir, n+HTML.Ext()))
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, n+PDFChromium.Ext()), data, 0o644)
				}
				if err != nil {
					select {
					case errs <- fmt.Errorf("print %s: %w", n, err):
					default:
					}
					cancel()
					continue
				}
				mu.Lock()
				count++
				if count%50 == 0 || count == len(names) {
					t.logf("%s: %d files in %s", PDFChromium, count, time.Since(start).Round(time.Millisecond))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, n := range names {
		select {
		case jobs <- n:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	done.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	return ctx.Err()
}

var devtoolsLine = regexp.MustCompile(`DevTools listening on (ws://\S+)`)

func devtoolsURL(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := devtoolsLine.FindStringSubmatch(sc.Text()); m != nil {
			return m[1], nil
		}
	}
	return "", errors.New("chromium did not say where DevTools listens")
}

// cdp is a minimal DevTools protocol client: commands with ids, answered by id; events
// delivered by session.
type cdp struct {
	conn    *websocket.Conn
	send    sync.Mutex
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMsg
	// sessions routes each session's events to the print waiting for them.
	sessions map[string]chan cdpMsg
	err      error
}

type cdpMsg struct {
	ID        int                       `json:"id,omitempty"`
	Method    string                    `json:"method,omitempty"`
	Params    json.RawMessage           `json:"params,omitempty"`
	Result    json.RawMessage           `json:"result,omitempty"`
	Error     *struct{ Message string } `json:"error,omitempty"`
	SessionID string                    `json:"sessionId,omitempty"`
}

func newCDP(conn *websocket.Conn) *cdp {
	c := &cdp{conn: conn, pending: map[int]chan cdpMsg{}, sessions: map[string]chan cdpMsg{}}
	go c.read()
	return c
}

func (c *cdp) read() {
	for {
		var m cdpMsg
		if err := websocket.JSON.Receive(c.conn, &m); err != nil {
			c.mu.Lock()
			c.err = err
			for _, ch := range c.pending {
				close(ch)
			}
			c.pending = map[int]chan cdpMsg{}
			for _, ch := range c.sessions {
				close(ch)
			}
			c.sessions = map[string]chan cdpMsg{}
			c.mu.Unlock()
			return
		}
		if m.ID != 0 {
			c.mu.Lock()
			ch := c.pending[m.ID]
			delete(c.pending, m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		c.mu.Lock()
		ch := c.sessions[m.SessionID]
		c.mu.Unlock()
		if ch != nil {
			select {
			case ch <- m:
			default: // the print is not waiting for this event
			}
		}
	}
}

func (c *cdp) call(ctx context.Context, session, method string, params any, result any) error {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return c.err
	}
	c.next++
	id := c.next
	ch := make(chan cdpMsg, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	p, _ := json.Marshal(params)
	msg := map[string]any{"id": id, "method": method, "params": json.RawMessage(p)}
	if session != "" {
		msg["sessionId"] = session
	}
	c.send.Lock()
	err := websocket.JSON.Send(c.conn, msg)
	c.send.Unlock()
	if err != nil {
		return err
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: connection closed: %v", method, c.err)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(2 * time.Minute):
		return fmt.Errorf("%s: no answer", method)
	}
}

// print opens url in a new tab, waits for it to load and prints it on A4.
func (c *cdp) print(ctx context.Context, url string) ([]byte, error) {
	var target struct{ TargetID string }
	if err := c.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	defer func() { _ = c.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil) }()
	var att struct{ SessionID string }
	if err := c.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return nil, err
	}
	events := make(chan cdpMsg, 64)
	c.mu.Lock()
	c.sessions[att.SessionID] = events
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.sessions, att.SessionID)
		c.mu.Unlock()
	}()
	if err := c.call(ctx, att.SessionID, "Page.enable", map[string]any{}, nil); err != nil {
		return nil, err
	}
	if err := c.call(ctx, att.SessionID, "Page.navigate", map[string]any{"url": url}, nil); err != nil {
		return nil, err
	}
	timeout := time.After(time.Minute)
wait:
	for {
		select {
		case m, ok := <-events:
			if !ok {
				return nil, errors.New("connection closed")
			}
			if m.Method == "Page.loadEventFired" {
				break wait
			}
		case <-timeout:
			return nil, errors.New("page did not load")
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	var pdf struct{ Data string }
	if err := c.call(ctx, att.SessionID, "Page.printToPDF", map[string]any{
		"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true,
		"marginTop": 0.6, "marginBottom": 0.6, "marginLeft": 0.5, "marginRight": 0.5,
	}, &pdf); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(strings.TrimSpace(pdf.Data))
}
